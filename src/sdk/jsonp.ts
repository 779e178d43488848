/**
 * JSONP for the CT/CU gateway step (wire-protocol.md §2 step 2). The gateway URL already names
 * its callback (`getTelecomPhone` / `getNewUnicomPhone`), so the global has a fixed name: install
 * it, inject the script, and on every outcome remove both (restoring any previous global).
 */

import { withAbort, type RequestOptions } from "./abort";

export function jsonp(doc: Document, win: Window, url: string, callbackName: string, options: RequestOptions): Promise<unknown> {
  const globals = win as unknown as Record<string, unknown>;
  let cleanup = () => {};
  return withAbort(
    options,
    () =>
      new Promise((resolve, reject) => {
        const hadPrevious = {}.hasOwnProperty.call(globals, callbackName);
        const previous = globals[callbackName];
        const script = doc.createElement("script");
        // Duplicate calls (a gateway script calling twice) are ignored after the first.
        const callback = (payload: unknown) => {
          cleanup();
          resolve(payload);
        };
        // A late onerror of the removed script finds the promise settled: nothing to unhook.
        cleanup = () => {
          script.remove();
          // Only undo our own install: a later install of the same name is not ours to delete.
          if (globals[callbackName] === callback) {
            if (hadPrevious) globals[callbackName] = previous;
            else delete globals[callbackName];
          }
        };
        globals[callbackName] = callback;
        script.onerror = () => reject(Error("network"));
        script.src = url;
        doc.documentElement.appendChild(script);
      }),
    () => cleanup(),
  );
}
