/**
 * Timeouts and cancellation shared by every request (fetch and JSONP). The flow maps any failure
 * of a step to one documented payload (500 for a carrier step, 103005 for the token), so a
 * failure is a plain `Error`; its message says which ("abort", "timeout", "http", or the cause's).
 */

export interface RequestOptions {
  /** A string is sent as is (text/plain: no CORS preflight); an object as JSON. None: GET. */
  body?: unknown;
  /** Extra request headers (custom headers cause a CORS preflight). */
  headers?: Record<string, string>;
  /** Milliseconds until the request is abandoned. */
  timeout: number;
  signal?: AbortSignal;
  /** Load the URL as a script and answer with the argument of this global function (JSONP). */
  jsonp?: string;
}

/**
 * Runs one request under its own abort signal, fed by the caller's signal and by the timer: the
 * promise rejects as soon as either fires (`start` is not even called for an already aborted
 * caller); `start` cleans up after itself on its signal's abort. Nothing is left behind.
 */
export function withAbort<T>(
  options: RequestOptions,
  start: (signal: AbortSignal) => Promise<T>,
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const controller = new AbortController();
    const { signal } = controller;
    const outer = options.signal;
    let reason = "abort";
    const abort = () => controller.abort();
    const settle = (fn: (v: never) => void) => (v: unknown) => {
      clearTimeout(timer);
      if (outer) outer.removeEventListener("abort", abort);
      fn(v as never);
    };
    signal.addEventListener("abort", () => settle(reject)(Error(reason)));
    const timer = setTimeout(() => {
      reason = "timeout";
      abort();
    }, options.timeout);
    if (outer) {
      outer.addEventListener("abort", abort);
      if (outer.aborted) abort();
    }
    if (!signal.aborted) start(signal).then(settle(resolve), settle(reject));
  });
}
