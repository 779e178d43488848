/**
 * Guarded delivery to integrator callbacks: an integrator's exception is reported, never rethrown
 * into the SDK (whose state is already updated before the callback runs). Exactly-once delivery
 * of the final outcome is the session's (session.ts).
 */

/** Where swallowed exceptions go; `why` is short, the SDK's name is prefixed once (deps.ts). */
export type Report = (why: string, error: unknown) => void;

/** Calls an integrator callback (if it is a function) and swallows what it throws. */
export function safeCall<T>(fn: unknown, arg: T, report: Report, label: string): void {
  if (typeof fn === "function")
    try {
      fn(arg);
    } catch (e) {
      report(label + " callback threw", e);
    }
}
