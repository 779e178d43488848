/**
 * HTTP to the gateways: `fetch` with a timeout and an AbortSignal, answers parsed as JSON; or
 * JSONP when the options name a callback. One function, so that tests replace it whole.
 *
 * The flow maps any failure of a request to one documented payload (500 for a carrier step,
 * 103005 for the token), so a failure is a plain `Error`; its message says which ("abort",
 * "timeout", "http", or the cause's).
 */

export interface RequestOptions {
  /** A string is sent as is (text/plain: no CORS preflight); an object as JSON. None: GET. */
  body?: unknown;
  /** Extra request headers (custom headers cause a CORS preflight). */
  headers?: Record<string, string>;
  /** Milliseconds until the request is abandoned. */
  timeout: number;
  /** Aborting it abandons the request. */
  signal?: AbortSignal;
  /** Load the URL as a script and answer with the argument of this global function (JSONP). */
  jsonp?: string;
}

/** Resolves with the parsed answer (unknown: validate before use); rejects on any failure. */
export type Transport = (url: string, options: RequestOptions) => Promise<unknown>;

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
    const cleanUp = () => {
      clearTimeout(timer);
      if (outer) outer.removeEventListener("abort", abort);
    };
    signal.addEventListener("abort", () => {
      cleanUp();
      reject(Error(reason));
    });
    const timer = setTimeout(() => {
      reason = "timeout";
      abort();
    }, options.timeout);
    if (outer) {
      outer.addEventListener("abort", abort);
      if (outer.aborted) abort();
    }
    if (signal.aborted) return;
    start(signal).then(
      (value) => {
        cleanUp();
        resolve(value);
      },
      (error: Error) => {
        cleanUp();
        reject(error);
      },
    );
  });
}

/** The page a JSONP request runs in: the script goes into `doc`, the callback onto `win`. */
export interface JsonpPage {
  doc: Document;
  win: Window;
}

/**
 * JSONP for the CT/CU gateway step (docs/protocol.md step 2). The gateway URL already names
 * its callback (`getTelecomPhone` / `getNewUnicomPhone`, given as `options.jsonp`), so the
 * global has a fixed name: install it, inject the script, and on every outcome (answer, script
 * error, timeout, abort) remove both, restoring any previous global.
 *
 * The gateway's script calls back while it runs, so its `load` event tells whether it did: a
 * script that threw or did not parse fails at once instead of at the timeout. Until then (or the
 * end of the call) the global stays: a script that calls back twice must not meet a missing
 * function.
 */
export function jsonp(page: JsonpPage, url: string, options: RequestOptions): Promise<unknown> {
  const { doc, win } = page;
  const callbackName = options.jsonp || "";
  return withAbort(
    options,
    (signal) =>
      new Promise((resolve, reject) => {
        const globals = win as unknown as Record<string, unknown>;
        const hadPrevious = Object.prototype.hasOwnProperty.call(globals, callbackName);
        const previous = globals[callbackName];
        const script = doc.createElement("script");
        let answered = false;
        const restoreGlobal = () => {
          // Only undo our own install: a later install of the same name is not ours to delete.
          if (globals[callbackName] !== callback) return;
          if (hadPrevious) globals[callbackName] = previous;
          else delete globals[callbackName];
        };
        const removeAll = () => {
          script.remove();
          restoreGlobal();
        };
        // Settling twice is harmless: a gateway script calling back twice, a late abort.
        const callback = (answer: unknown) => {
          answered = true;
          script.remove();
          resolve(answer);
        };
        globals[callbackName] = callback;
        // Without a load event (a page that drops it) the global still goes as the call ends.
        if (options.signal) options.signal.addEventListener("abort", restoreGlobal);
        // A script that ran without calling back (it threw, or did not parse) has failed.
        script.onload = () => {
          removeAll();
          if (!answered) reject(Error("no callback"));
        };
        // The load error's event is the rejection: the flow only needs to know that it failed.
        script.onerror = (event) => {
          removeAll();
          /* eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors --
             the event says what went wrong; every caller maps any rejection to one payload */
          reject(event);
        };
        // The outer promise has already rejected with "abort" or "timeout": only clean up.
        signal.addEventListener("abort", () => {
          removeAll();
          reject(Error("abort"));
        });
        script.src = url;
        doc.documentElement.appendChild(script);
      }),
  );
}

/**
 * `win`/`doc`: the page's window and document, read at each request (never at import). Requests
 * go through the window's `fetch` (called on the window), else the global one.
 */
export function createBrowserTransport(
  win: () => Window | undefined,
  doc: () => Document | undefined,
): Transport {
  return (url, options) => {
    const { body } = options;
    const w = win();
    // Without a page (SSR) the request fails inside its promise like any other.
    if (options.jsonp) return jsonp({ doc: doc()!, win: w! }, url, options);
    const json = typeof body === "object";
    const headers: Record<string, string> = {};
    if (json) headers["Content-Type"] = "application/json";
    return withAbort(options, async (signal) => {
      const response = await (w || globalThis).fetch(url, {
        method: body === undefined ? "GET" : "POST",
        body: json ? JSON.stringify(body) : (body as string | undefined),
        headers: { ...headers, ...options.headers },
        signal,
      });
      if (!response.ok) throw Error("http");
      return (await response.json()) as unknown;
    });
  };
}
