/**
 * JSONP for the CT/CU gateway step (wire-protocol.md §2 step 2). The gateway URL already names
 * its callback (`getTelecomPhone` / `getNewUnicomPhone`), so the global has a fixed name: install
 * it, inject the script, and on every outcome (answer, script error, timeout, abort) remove both,
 * restoring any previous global.
 */

import { withAbort, type RequestOptions } from "./abort";

export const jsonp = (
  doc: Document,
  win: Window,
  url: string,
  callbackName: string,
  options: RequestOptions,
): Promise<unknown> =>
  withAbort(
    options,
    (signal) =>
      new Promise((resolve, reject) => {
        const globals = win as unknown as Record<string, unknown>;
        const hadPrevious = {}.hasOwnProperty.call(globals, callbackName);
        const previous = globals[callbackName];
        const script = doc.createElement("script");
        // Settling twice is harmless: a gateway script calling back twice, a late abort.
        const end = (settle: (v: unknown) => void) => (v: unknown) => {
          script.remove();
          // Only undo our own install: a later install of the same name is not ours to delete.
          if (globals[callbackName] === callback) {
            if (hadPrevious) globals[callbackName] = previous;
            else delete globals[callbackName];
          }
          settle(v);
        };
        const callback = end(resolve);
        globals[callbackName] = callback;
        script.onerror = end(reject);
        signal.addEventListener("abort", end(reject));
        script.src = url;
        doc.documentElement.appendChild(script);
      }),
  );
