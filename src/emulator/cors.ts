/**
 * CORS as the browser needs it: the SDK calls the gateway cross-origin with custom headers, so
 * every protocol path answers the preflight and every answer names the caller's origin (an
 * unregistered page must be able to read its 110026). The admin API grants CORS to its owner only
 * (access.ts decides; server.ts sends these headers only then).
 */
import type { IncomingMessage } from "node:http";

/** The protocol's custom request headers (docs/protocol.md) plus Content-Type. */
export const ALLOWED_HEADERS = [
  "appId",
  "interfaceVersion",
  "traceId",
  "businessType",
  "timestamp",
  "authPageType",
  "Content-Type",
];

export function corsHeaders(req: IncomingMessage): Record<string, string> {
  const origin = req.headers.origin;
  return {
    // Echo rather than "*": the browser accepts either, but echoing lets a page that sends
    // credentials work too, and Vary keeps caches honest.
    "Access-Control-Allow-Origin": typeof origin === "string" && origin !== "" ? origin : "*",
    Vary: "Origin",
  };
}

/**
 * The answer to a preflight. `privateNetwork`: whether the caller may reach loopback from a less
 * private page (Chromium's Private Network Access asks first); granted to registered pages and
 * the admin API's owner, never to strangers.
 */
export function preflightHeaders(
  req: IncomingMessage,
  privateNetwork: boolean,
): Record<string, string> {
  const pna: Record<string, string> =
    privateNetwork && req.headers["access-control-request-private-network"] === "true"
      ? { "Access-Control-Allow-Private-Network": "true" }
      : {};
  return {
    ...corsHeaders(req),
    ...pna,
    "Access-Control-Allow-Methods": "GET, POST, PUT, PATCH, DELETE, OPTIONS",
    "Access-Control-Allow-Headers": ALLOWED_HEADERS.join(", "),
    "Access-Control-Max-Age": "600",
  };
}
