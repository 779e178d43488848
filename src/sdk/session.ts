/**
 * One running call (`getTokenInfo` or `authGetToken`): its abort signal, its view, its timing and
 * its single final outcome. Settling aborts every in-flight request of the call, destroys the
 * view and frees the SDK *before* the integrator's callback runs, so that the callback may start
 * the next call.
 */

import type { MountedView } from "../views/contract";
import { createSettler, safeCall, type Report } from "./once";
import type { ErrorPayload, SuccessPayload, Timing } from "./types";

export interface Callbacks {
  success?: unknown;
  error?: unknown;
}

export interface Session {
  readonly msgId: string;
  /** Aborted when the session settles. */
  readonly signal: AbortSignal;
  readonly done: boolean;
  /** Milliseconds per step, filled by `time`. */
  readonly timing: Timing;
  view?: MountedView;
  succeed(payload: SuccessPayload): void;
  fail(payload: ErrorPayload): void;
  /** A success that is not final (custom popup loaded): the session keeps running. */
  notify(payload: SuccessPayload): void;
  /**
   * Sends the final outcome to another call's callbacks (authGetTokenByLayer) until the returned
   * function is called.
   */
  routeFinalTo(callbacks: Callbacks): () => void;
  /** Runs `fn` once when the session settles (before the callback). */
  onEnd(fn: () => void): void;
  /** Awaits `step`, recording its duration under `name`. */
  time<T>(name: string, step: Promise<T>): Promise<T>;
  /** A copy of the timing with the total so far. */
  timingSnapshot(): Timing;
}

export function createSession(options: { msgId: string; callbacks: Callbacks; report: Report; now: () => number }): Session {
  const { msgId, report, now } = options;
  const started = now();
  const controller = new AbortController();
  const timing: Timing = {};
  const endHooks: (() => void)[] = [];
  let sink: Callbacks = options.callbacks;
  let view: MountedView | undefined;

  const destroyView = () => {
    const v = view;
    view = undefined;
    try {
      v?.destroy();
    } catch (e) {
      report("YDRZAuthLogin: destroying the view failed", e);
    }
  };
  const settler = createSettler<SuccessPayload, ErrorPayload>(
    {
      get success() {
        return sink.success;
      },
      get error() {
        return sink.error;
      },
    },
    report,
    () => {
      controller.abort();
      destroyView();
      for (const fn of endHooks.splice(0)) fn();
    },
  );

  return {
    msgId,
    signal: controller.signal,
    get done() {
      return settler.settled;
    },
    timing,
    get view() {
      return view;
    },
    set view(v) {
      view = v;
      // A view mounted after settling (a late mountView) must not outlive its call.
      if (settler.settled) destroyView();
    },
    succeed: (payload) => void settler.succeed(payload),
    fail: (payload) => void settler.fail(payload),
    notify(payload) {
      if (!settler.settled) safeCall(sink.success, payload, report, "success");
    },
    routeFinalTo(callbacks) {
      const previous = sink;
      sink = callbacks;
      return () => {
        if (sink === callbacks) sink = previous;
      };
    },
    onEnd(fn) {
      if (settler.settled) fn();
      else endHooks.push(fn);
    },
    async time(name, step) {
      const t = now();
      try {
        return await step;
      } finally {
        timing[name] = now() - t;
      }
    },
    timingSnapshot: () => ({ ...timing, total: now() - started }),
  };
}
