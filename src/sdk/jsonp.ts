/**
 * JSONP for the CT/CU gateway step (wire-protocol.md §2 step 2). The gateway URL already names
 * its callback (`getTelecomPhone` / `getNewUnicomPhone`), so the global has a fixed name: install
 * it, inject the script, and on every outcome remove both (restoring any previous global).
 */

import { linkAbort, TransportError, type RequestOptions } from "./abort";

export function jsonp(
  doc: Document,
  win: Window,
  url: string,
  callbackName: string,
  options: RequestOptions,
): Promise<unknown> {
  const globals = win as unknown as Record<string, unknown>;
  return new Promise((resolve, reject) => {
    const link = linkAbort(options);
    if (link.signal.aborted) {
      link.finish();
      reject(new TransportError(link.reason()));
      return;
    }
    const hadPrevious = Object.prototype.hasOwnProperty.call(globals, callbackName);
    const previous = globals[callbackName];
    const script = doc.createElement("script");
    let done = false;

    const cleanup = () => {
      done = true;
      link.finish();
      link.signal.removeEventListener("abort", onAbort);
      script.onerror = null;
      script.remove();
      // Only undo our own install: a later install of the same name is not ours to delete.
      if (globals[callbackName] === callback) {
        if (hadPrevious) globals[callbackName] = previous;
        else delete globals[callbackName];
      }
    };
    // Duplicate calls (a gateway script calling twice) are ignored after the first.
    const callback = (payload: unknown) => {
      if (done) return;
      cleanup();
      resolve(payload);
    };
    const onAbort = () => {
      if (done) return;
      cleanup();
      reject(new TransportError(link.reason()));
    };

    globals[callbackName] = callback;
    link.signal.addEventListener("abort", onAbort);
    script.onerror = () => {
      if (done) return;
      cleanup();
      reject(new TransportError("network", "the JSONP script failed to load"));
    };
    script.async = true;
    script.src = url;
    (doc.head || doc.documentElement).appendChild(script);
  });
}
