/**
 * HTTP to the gateways: `fetch` with a timeout and an AbortSignal, answers parsed as JSON; or
 * JSONP when the options name a callback. One function, so that tests replace it whole.
 */

import { withAbort, type RequestOptions } from "./abort";
import { jsonp } from "./jsonp";

export type { RequestOptions } from "./abort";

/** Resolves with the parsed answer (unknown: validate before use); rejects on any failure. */
export type Transport = (url: string, options: RequestOptions) => Promise<unknown>;

/**
 * `win`/`doc`: the page's window and document, read at each request (never at import). Requests
 * go through the window's `fetch` (called on the window), else the global one.
 */
export const createBrowserTransport =
  (win: () => Window | undefined, doc: () => Document | undefined): Transport =>
  (url, options) => {
    const { body, jsonp: callbackName } = options;
    const w = win();
    // Without a page (SSR) the request fails inside its promise like any other.
    if (callbackName) return jsonp(doc()!, w!, url, callbackName, options);
    const json = typeof body === "object";
    return withAbort(options, async (signal) => {
      const response = await (w || globalThis).fetch(url, {
        method: body === undefined ? "GET" : "POST",
        body: json ? JSON.stringify(body) : (body as string | undefined),
        headers: { ...(json && { "Content-Type": "application/json" }), ...options.headers },
        signal,
      });
      if (!response.ok) throw Error("http");
      return response.json();
    });
  };
