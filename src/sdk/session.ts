/**
 * One running call (`getTokenInfo` or `authGetToken`): its abort signal, its view, its timing and
 * its single final outcome. Settling aborts the signal (every in-flight request of the call, and
 * whoever listens for the end), destroys the view and only then runs the integrator's callback,
 * so that the callback may start the next call.
 */

import type { MountedView } from "../views/contract";
import type { Report } from "./deps";
import type { ErrorPayload, SuccessPayload, Timing } from "./types";

/** An integrator's callbacks, as given (untrusted: called only if they are functions). */
export interface Callbacks {
  success?: unknown;
  error?: unknown;
}

/** What `authGetTokenByLayer` does with a custom popup without mask (authorize.ts). */
export type Layer = (callbacks: Callbacks) => void;

/**
 * Calls the integrator callback `holder[name]` (if it is a function) and reports what it throws.
 * The read is guarded too: a getter that throws or a Proxy is integrator code like the callback
 * itself. An integrator's exception never reaches the SDK, whose state is already updated before
 * the callback is even looked up.
 */
export function safeCall<T>(holder: unknown, name: string, arg: T, report: Report): void {
  try {
    const fn = (holder as Record<string, unknown>)[name];
    if (typeof fn === "function") (fn as (value: T) => void)(arg);
  } catch (e) {
    report(name + " callback threw", e);
  }
}

export interface Session {
  readonly msgId: string;
  /** Aborted when the session settles (before the callback runs). */
  readonly signal: AbortSignal;
  /** Set once the session has settled. */
  done?: boolean;
  /** Keeps the mounted view, destroyed as the session settles (at once if it already has). */
  show(view: MountedView): void;
  /** Calls a method of the shown view, if any; what a view throws is reported, not propagated. */
  view(method: keyof MountedView, arg?: unknown): unknown;
  /** The custom popup without mask is up: `authGetTokenByLayer` may now be used. */
  layer?: Layer;
  succeed(payload: SuccessPayload): void;
  fail(payload: ErrorPayload): void;
  /** A success that is not final (custom popup loaded): the session keeps running. */
  notify(payload: SuccessPayload): void;
  /**
   * Sends the final outcome to another call's callbacks (authGetTokenByLayer) until the returned
   * function is called.
   */
  route(callbacks: Callbacks): () => void;
  /** Awaits `step`, recording its duration in ms under `name`. */
  time<T>(name: string, step: Promise<T>): Promise<T>;
  /** A copy of the timing with the total so far. */
  timing(): Timing;
}

/** What a session starts from. */
export interface SessionOptions {
  /** The call's traceId, echoed as `msgId` in every payload. */
  msgId: string;
  /** Who hears of the outcome (until `route` sends it elsewhere). */
  callbacks: Callbacks;
  /** Where an integrator callback's or a view's exception goes. */
  report: Report;
  /** Epoch milliseconds, for the timing. */
  now: () => number;
}

export function createSession(options: SessionOptions): Session {
  const { msgId, report, now } = options;
  let sink = options.callbacks;
  const started = now();
  const controller = new AbortController();
  const steps: Timing = {};
  let shown: MountedView | undefined;

  // The first final outcome wins and later ones are dropped, so races between the gateway, the
  // user, endGetToken and timeouts cannot produce a second callback.
  const settle = (label: "success" | "error") => (payload: SuccessPayload | ErrorPayload) => {
    if (session.done) return;
    session.done = true;
    // The call is over before anything reads the integrator's object: should that read throw,
    // the SDK is already free for the next call and the view is gone.
    controller.abort();
    session.view("destroy");
    shown = undefined;
    safeCall(sink, label, payload, report);
  };

  const session: Session = {
    msgId,
    signal: controller.signal,
    show(v) {
      shown = v;
      // A view mounted after settling (a late mountView) must not outlive its call.
      if (session.done) session.view("destroy");
    },
    view(method, arg) {
      if (!shown) return undefined;
      try {
        return (shown[method] as (a: unknown) => unknown)(arg);
      } catch (e) {
        report("view." + method, e);
        return undefined;
      }
    },
    succeed: settle("success"),
    fail: settle("error"),
    notify(payload) {
      if (!session.done) safeCall(sink, "success", payload, report);
    },
    route(callbacks) {
      const previous = sink;
      sink = callbacks;
      return () => {
        if (sink === callbacks) sink = previous;
      };
    },
    time(name, step) {
      const t = now();
      return step.finally(() => {
        steps[name] = now() - t;
      });
    },
    timing: () => ({ ...steps, total: now() - started }),
  };
  return session;
}
