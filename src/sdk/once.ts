/**
 * Exactly-once delivery to integrator callbacks. Every final outcome of a call passes through a
 * `Settler`; the first one wins and later ones are dropped, so races between the gateway, the
 * user, `endGetToken` and timeouts cannot produce a second callback. Callbacks run guarded: an
 * integrator's exception is reported, never rethrown into the SDK (whose state is already
 * updated before the callback runs).
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

export interface Settler<S, E> {
  /** True once a final outcome was delivered. */
  readonly settled: boolean;
  succeed(payload: S): boolean;
  fail(payload: E): boolean;
}

export function createSettler<S, E>(
  callbacks: { success?: unknown; error?: unknown },
  report: Report,
  /** Runs before the callback, exactly once, e.g. to free the SDK for the next call. */
  onSettle?: () => void,
): Settler<S, E> {
  let settled = false;
  const settle = (fn: unknown, payload: unknown, label: string): boolean => {
    if (settled) return false;
    settled = true;
    if (onSettle) {
      try {
        onSettle();
      } catch (e) {
        report("YDRZAuthLogin: cleanup failed", e);
      }
    }
    safeCall(fn, payload, report, label);
    return true;
  };
  return {
    get settled() {
      return settled;
    },
    succeed: (payload) => settle(callbacks.success, payload, "success"),
    fail: (payload) => settle(callbacks.error, payload, "error"),
  };
}
