/**
 * Guarded delivery to integrator callbacks: an integrator's exception is reported, never rethrown
 * into the SDK (whose state is already updated before the callback runs). Exactly-once delivery
 * of the final outcome is the session's (session.ts).
 */

export type Report = (message: string, error: unknown) => void;

export const consoleReport: Report = (message, error) => {
  if (typeof console !== "undefined") console.error(message, error);
};

/** Calls an integrator callback (if it is a function) and swallows what it throws. */
export function safeCall<T>(fn: unknown, arg: T, report: Report, label: string): void {
  if (typeof fn !== "function") return;
  try {
    fn(arg);
  } catch (e) {
    report(`YDRZAuthLogin: the integrator's ${label} callback threw`, e);
  }
}
