/**
 * What the SDK needs from its surroundings, injectable for tests. Defaults are resolved when
 * used, never at import: importing the SDK in Node (SSR) must not touch `window` or `document`.
 */

import type { MountView } from "../views/contract";
import { mountView as realMountView } from "../views/index";
import { consoleReport, type Report } from "./once";
import { defaultRandom, type Random } from "./random";
import { createBrowserTransport, type Transport } from "./transport";

export interface Deps {
  /** Gateway I/O: fetch with timeout/abort and JSONP. */
  transport: Transport;
  /** Draws the authorization view (src/views). */
  mountView: MountView;
  /** Epoch milliseconds: protocol timestamps and timing. */
  now: () => number;
  /** Uniform in [0, 1): `getConnection` msgid, `reqdata` seed. */
  random: Random;
  window: Window | undefined;
  document: Document | undefined;
  /** Where swallowed exceptions go (integrator callbacks that throw, a failing view). */
  report: Report;
}

const globalWindow = (): Window | undefined => (typeof window !== "undefined" ? window : undefined);

/** Fills the gaps of `partial`; `window`/`document` stay lazy getters over the page's globals. */
export function resolveDeps(partial: Partial<Deps> = {}): Deps {
  const win = () => ("window" in partial ? partial.window : globalWindow());
  const doc = () => ("document" in partial ? partial.document : (win() || ({} as Partial<Window>)).document);
  return {
    transport: partial.transport || createBrowserTransport(win, doc),
    mountView: partial.mountView || realMountView,
    now: partial.now || Date.now,
    random: partial.random || defaultRandom,
    report: partial.report || consoleReport,
    get window() {
      return win();
    },
    get document() {
      return doc();
    },
  };
}
