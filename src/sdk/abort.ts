/**
 * Timeouts and cancellation shared by every request (fetch and JSONP), and the error kinds the
 * flow maps to the documented payloads (500 network for a carrier step, 103005 for the token).
 */

export type TransportErrorKind = "timeout" | "abort" | "network" | "http" | "parse";

export class TransportError extends Error {
  override readonly name = "TransportError";
  constructor(
    readonly kind: TransportErrorKind,
    message: string = kind,
  ) {
    super(message);
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
 * One abort controller per request, fed by the caller's signal and by the timer; `finish` must be
 * called when the request is over. Shared by fetch and JSONP.
 */
export function linkAbort(options: RequestOptions): {
  signal: AbortSignal;
  reason(): TransportErrorKind;
  finish(): void;
} {
  const controller = new AbortController();
  let timedOut = false;
  const onAbort = () => controller.abort();
  const outer = options.signal;
  if (outer) {
    if (outer.aborted) controller.abort();
    else outer.addEventListener("abort", onAbort);
  }
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, options.timeout);
  return {
    signal: controller.signal,
    reason: () => (timedOut ? "timeout" : outer && outer.aborted ? "abort" : "network"),
    finish() {
      clearTimeout(timer);
      if (outer) outer.removeEventListener("abort", onAbort);
    },
  };
}
