/**
 * Who may drive the admin API. The protocol endpoints answer any page (refusing an unregistered
 * one is their job, with 170001/110026); the admin API resets state, edits apps and injects
 * faults, so it answers only its owner: a Host on the allow-list (DNS rebinding gives a foreign
 * name), no Origin or an owner Origin (same origin or configured), and JSON bodies only (a
 * `text/plain` POST is a "simple" request a foreign page can send without a preflight).
 */
import type { IncomingMessage } from "node:http";

/** The admin API's owner, fixed when the emulator starts listening. */
export interface AccessPolicy {
  /** The emulator's public base URL (`http://host:port`): every absolute URL it hands out. */
  publicUrl: string;
  /** Host names (lower case, no port; IPv6 in brackets) the admin API answers to. */
  adminHosts: readonly string[];
  /** Origins besides the emulator's own whose pages may call the admin API. */
  adminOrigins: readonly string[];
}

/** The loopback names the admin API always answers to. */
export const LOOPBACK_HOSTS: readonly string[] = ["localhost", "127.0.0.1", "[::1]"];

/** Why an admin request is refused: the HTTP status, an error type and a message. */
export interface Refusal {
  /** 421 for a foreign Host, 403 for a foreign Origin, 415 for a non-JSON POST/PUT/PATCH. */
  status: number;
  /** The `error.type` of the JSON answer. */
  type: string;
  /** What the caller did wrong, for the JSON answer. */
  message: string;
}

const HOST_HEADER = /^(?<name>[A-Za-z0-9.-]+|\[[0-9A-Fa-f:.]+\])(?::\d{1,5})?$/;

/** The host name of a Host header, lower case without the port; undefined when malformed. */
export function hostName(header: string | undefined): string | undefined {
  const match = typeof header === "string" ? HOST_HEADER.exec(header) : null;
  return match?.groups?.name?.toLowerCase();
}

/** `scheme://host[:port]` of a URL, lower case; undefined when it is not an http(s) URL. */
export function originOf(url: string): string | undefined {
  try {
    const u = new URL(url);
    return u.protocol === "http:" || u.protocol === "https:" ? u.origin : undefined;
  } catch {
    return undefined;
  }
}

function single(v: string | string[] | undefined): string | undefined {
  return Array.isArray(v) ? v[0] : v;
}

/** Whether a request's Origin is the admin API's owner: its own origin or a configured one. */
export function isOwnerOrigin(origin: string, req: IncomingMessage, policy: AccessPolicy): boolean {
  const own = [originOf(policy.publicUrl), originOf(`http://${single(req.headers.host) ?? ""}`)];
  return own.includes(origin) || policy.adminOrigins.includes(origin);
}

/** Undefined when the admin request may proceed, else why not. */
export function adminRefusal(req: IncomingMessage, policy: AccessPolicy): Refusal | undefined {
  const name = hostName(single(req.headers.host));
  if (name === undefined || !policy.adminHosts.includes(name)) {
    return {
      status: 421,
      type: "forbidden_host",
      message:
        `the admin API answers only to ${policy.adminHosts.join(", ")}` +
        " (start the emulator with --public-url or --admin-host to add a name)",
    };
  }
  const origin = single(req.headers.origin);
  if (origin !== undefined && !isOwnerOrigin(origin, req, policy)) {
    return {
      status: 403,
      type: "forbidden_origin",
      message:
        `the admin API does not answer pages of ${origin.slice(0, 100)}` +
        " (start the emulator with --admin-origin to allow one)",
    };
  }
  const method = (req.method ?? "GET").toUpperCase();
  const type = single(req.headers["content-type"]) ?? "";
  // POST is the method a foreign page may send without a preflight; PUT and PATCH carry bodies.
  const withBody = method === "POST" || method === "PUT" || method === "PATCH";
  if (withBody && !/^application\/json\s*(?:;|$)/i.test(type.trim())) {
    return {
      status: 415,
      type: "unsupported_media_type",
      message: `admin ${method} requests take Content-Type: application/json`,
    };
  }
  return undefined;
}

/**
 * The policy for a listen address: the public URL given (else the listen URL), and the admin
 * hosts: loopback, the public URL's host and any configured ones.
 */
export function accessPolicy(o: {
  listenUrl: string;
  publicUrl?: string | undefined;
  adminHosts?: readonly string[] | undefined;
  adminOrigins?: readonly string[] | undefined;
}): AccessPolicy {
  const publicUrl = (o.publicUrl ?? o.listenUrl).replace(/\/+$/, "");
  const hosts = new Set(LOOPBACK_HOSTS);
  const publicHost = hostName(new URL(publicUrl).host);
  if (publicHost) hosts.add(publicHost);
  for (const h of o.adminHosts ?? []) hosts.add(h.toLowerCase());
  return { publicUrl, adminHosts: [...hosts], adminOrigins: [...(o.adminOrigins ?? [])] };
}
