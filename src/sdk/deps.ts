/**
 * What the SDK needs from its surroundings, injectable for tests. Defaults are resolved when
 * used, never at import: importing the SDK in Node (SSR) must not touch `window` or `document`.
 */

import type { MountView, WarmView } from "../views/contract";
import { mountView as realMountView, warmView as realWarmView } from "../views/index";
import { createBrowserTransport, type Transport } from "./transport";

/** Where swallowed exceptions go; `why` is short, the SDK's name is prefixed once (resolveDeps). */
export type Report = (why: string, error: unknown) => void;

export interface Deps {
  /** Gateway I/O: fetch with timeout/abort and JSONP. */
  transport: Transport;
  /** Draws the authorization view (src/views). */
  mountView: MountView;
  /** Rehearses a view while the gateway answers (none when `mountView` is a stand-in). */
  warmView: WarmView;
  /** Epoch milliseconds: protocol timestamps and timing. */
  now: () => number;
  /** Uniform in [0, 1): `getConnection` msgid, `reqdata` seed (not secrets). */
  random: () => number;
  window: Window | undefined;
  document: Document | undefined;
  /** Where swallowed exceptions go (integrator callbacks that throw, a failing view). */
  report: (message: string, error: unknown) => void;
}

/** The dependencies in use: `win`/`doc` read the page's globals (or the given ones) when called. */
export interface ResolvedDeps extends Omit<Deps, "window" | "document"> {
  report: Report;
  win(): Window | undefined;
  doc(): Document | undefined;
}

/** Fills the gaps of `partial`. */
export function resolveDeps(partial: Partial<Deps> = {}): ResolvedDeps {
  const win = () =>
    "window" in partial ? partial.window : typeof window !== "undefined" ? window : undefined;
  const doc = () => ("document" in partial ? partial.document : (win() || ({} as Window)).document);
  const report = partial.report || ((message, error) => console.error(message, error));
  return {
    transport: partial.transport || createBrowserTransport(win, doc),
    mountView: partial.mountView || realMountView,
    warmView: partial.warmView || (partial.mountView ? () => {} : realWarmView),
    now: partial.now || Date.now,
    random: partial.random || Math.random,
    report: (why, error) => report("YDRZAuthLogin: " + why, error),
    win,
    doc,
  };
}
