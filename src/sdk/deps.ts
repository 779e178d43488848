/**
 * What the SDK needs from its surroundings, injectable for tests. Defaults are resolved when
 * used, never at import: importing the SDK in Node (SSR) must not touch `window` or `document`.
 */

import type { MountView } from "../views/contract";
import { mountView as realMountView } from "../views/index";
import { createBrowserTransport, type Transport } from "./transport";

/** Where swallowed exceptions go; resolveDeps prefixes the SDK's name to a short `why`. */
export type Report = (why: string, error: unknown) => void;

/**
 * What the SDK uses of its surroundings: `createAuthLogin(partialDeps)` replaces any of them
 * (tests, other runtimes); the rest are the page's.
 */
export interface Deps {
  /** Gateway I/O: fetch with timeout/abort and JSONP. */
  transport: Transport;
  /** Draws the authorization view (src/views). */
  mountView: MountView;
  /** Epoch milliseconds: protocol timestamps and timing. */
  now: () => number;
  /** Uniform in [0, 1): `getConnection` msgid, `reqdata` seed (not secrets). */
  random: () => number;
  /** The page's window (undefined: none, as in Node). Default `window` when there is one. */
  window: Window | undefined;
  /** The page's document. Default `window.document`. */
  document: Document | undefined;
  /** Where swallowed exceptions go (integrator callbacks that throw, a failing view). */
  report: Report;
}

/** The dependencies in use: `win`/`doc` read the page's globals (or the given ones) when called. */
export interface ResolvedDeps extends Omit<Deps, "window" | "document"> {
  win(): Window | undefined;
  doc(): Document | undefined;
}

/** The page's error monitoring sees the exception (`reportError`); old browsers log it. */
const reportToPage: Report = (message, error) => {
  if (typeof reportError === "function") reportError(error);
  else console.error(message, error);
};

/** Fills the gaps of `partial`. */
export function resolveDeps(partial: Partial<Deps> = {}): ResolvedDeps {
  const win = (): Window | undefined => {
    if ("window" in partial) return partial.window;
    return typeof window !== "undefined" ? window : undefined;
  };
  const doc = (): Document | undefined => {
    if ("document" in partial) return partial.document;
    const page = win();
    return page ? page.document : undefined;
  };
  const report = partial.report || reportToPage;
  return {
    transport: partial.transport || createBrowserTransport(win, doc),
    mountView: partial.mountView || realMountView,
    now: partial.now || Date.now,
    random: partial.random || Math.random,
    report: (why, error) => report("YDRZAuthLogin: " + why, error),
    win,
    doc,
  };
}
