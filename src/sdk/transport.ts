/**
 * HTTP to the gateways: `fetch` with a timeout and an AbortSignal, answers parsed as JSON. Every
 * failure becomes a `TransportError` whose `kind` the flow maps to the documented payloads.
 */

import { TransportError, withAbort, type RequestOptions } from "./abort";
import { jsonp } from "./jsonp";

export { TransportError, type RequestOptions, type TransportErrorKind } from "./abort";

/** Resolves with the parsed JSON answer (unknown: validate before use). */
export interface Transport {
  /** POST a text body with no Content-Type set: the browser sends text/plain, no preflight. */
  postText(url: string, body: string, options: RequestOptions): Promise<unknown>;
  /** POST `JSON.stringify(body)` as `application/json`. */
  postJson(url: string, body: unknown, options: RequestOptions): Promise<unknown>;
  get(url: string, options: RequestOptions): Promise<unknown>;
  /** Loads `url` as a script and resolves with the argument of the global `callbackName`. */
  jsonp(url: string, callbackName: string, options: RequestOptions): Promise<unknown>;
}

/**
 * `win`/`doc`: the page's window and document, read at each request (never at import). Requests
 * go through the window's `fetch` (called on the window), else the global one.
 */
export function createBrowserTransport(win: () => Window | undefined, doc: () => Document | undefined): Transport {
  const request = (url: string, init: RequestInit, options: RequestOptions) =>
    withAbort(options, async (signal) => {
      const w = win();
      const owner = w && typeof w.fetch === "function" ? w : typeof fetch === "function" ? globalThis : undefined;
      if (!owner) throw new TransportError("network");
      const response = await owner.fetch(url, { ...init, headers: { ...init.headers, ...options.headers } as Record<string, string>, signal });
      if (!response.ok) throw new TransportError("http", "HTTP " + response.status);
      const text = await response.text();
      try {
        return JSON.parse(text) as unknown;
      } catch {
        throw new TransportError("parse");
      }
    });
  return {
    postText: (url, body, options) => request(url, { method: "POST", body }, options),
    postJson: (url, body, options) =>
      request(url, { method: "POST", body: JSON.stringify(body), headers: { "Content-Type": "application/json" } }, options),
    get: (url, options) => request(url, { method: "GET" }, options),
    jsonp(url, callbackName, options) {
      const d = doc();
      const w = win();
      return d && w ? jsonp(d, w, url, callbackName, options) : Promise.reject(new TransportError("network"));
    },
  };
}
