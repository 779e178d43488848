/**
 * Timeouts and cancellation shared by every request (fetch and JSONP), and the error kinds the
 * flow maps to the documented payloads (500 network for a carrier step, 103005 for the token).
 */

export type TransportErrorKind = "timeout" | "abort" | "network" | "http" | "parse";

export class TransportError extends Error {
  override readonly name = "TransportError";
  declare readonly kind: TransportErrorKind;
  constructor(kind: TransportErrorKind, message?: string) {
    super(message || kind);
    (this as { kind: TransportErrorKind }).kind = kind;
  }
}

export interface RequestOptions {
  /** Extra request headers (custom headers cause a CORS preflight). */
  headers?: Record<string, string>;
  /** Milliseconds until the request is abandoned. */
  timeout: number;
  signal?: AbortSignal;
}

/**
 * Runs one request under its own abort signal, fed by the caller's signal and by the timer: the
 * promise rejects with "abort" or "timeout" as soon as either fires (`start` is not even called
 * for an already aborted caller), and any other failure of `start` becomes a TransportError
 * ("network" unless it is one already). `cleanup` runs as it settles (synchronously on abort);
 * nothing is left behind.
 */
export function withAbort<T>(options: RequestOptions, start: (signal: AbortSignal) => Promise<T>, cleanup?: () => void): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const controller = new AbortController();
    const { signal } = controller;
    const outer = options.signal;
    let kind: TransportErrorKind = "abort";
    const abort = () => controller.abort();
    const settle = <V>(fn: (v: V) => void) => (v: V) => {
      clearTimeout(timer);
      if (outer) outer.removeEventListener("abort", abort);
      if (cleanup) cleanup();
      fn(v);
    };
    signal.addEventListener("abort", () => settle(reject)(new TransportError(kind)));
    const timer = setTimeout(() => {
      kind = "timeout";
      abort();
    }, options.timeout);
    if (outer) {
      outer.addEventListener("abort", abort);
      if (outer.aborted) abort();
    }
    if (!signal.aborted)
      start(signal).then(settle(resolve), (e) =>
        settle(reject)(e instanceof TransportError ? e : new TransportError("network", e instanceof Error ? e.message : "")),
      );
  });
}
