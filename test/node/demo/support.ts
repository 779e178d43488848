/** Helpers for the demo tests: the demo started on ephemeral ports, and the gateway driven by fetch. */
import { createHash } from "node:crypto";
import { request } from "node:http";
import { startDemo, type DemoHandle } from "../../../demo/app";
import type { SignResponse } from "../../../demo/backend";
import { formatTimestamp } from "../../../src/protocol/timestamp";

export async function startTestDemo(): Promise<DemoHandle> {
  return startDemo({ port: 0, gatewayPort: 0 });
}

export const md5 = (s: string) => createHash("md5").update(s, "utf8").digest("hex");

/**
 * A userInformation of the real shape: URL-encoded Base64 with `=` padding, so it contains `%3D`
 * and differs from its URL-decoded form (seed 003 FAQ 6).
 */
export const USER_INFORMATION = encodeURIComponent(
  Buffer.from(
    "Linux x86_64@@Mozilla/5.0 (X11; Linux x86_64)@@0123456789abcdef0123456789abcdef0",
  ).toString("base64"),
);

export async function postJson(
  url: string,
  body: unknown,
  headers: Record<string, string> = {},
): Promise<{ status: number; json: any; text: string }> {
  const res = await fetch(url, {
    method: "POST",
    headers: { "Content-Type": "application/json", ...headers },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
  const text = await res.text();
  let json: any;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: res.status, json, text };
}

/** What a browser on the registered page sends with each gateway request. */
export function pageHeaders(
  demo: DemoHandle,
  page = "standard-popup.html",
  host = "127.0.0.1",
): Record<string, string> {
  const origin = `http://${host}:${demo.port}`;
  return { Referer: `${origin}/${page}`, Origin: origin };
}

export type Signed = SignResponse;

/** Step 1 of the flow as the SDK does it: the CM pre-fetch, JSON sent as text/plain. */
export async function preFetch(
  demo: DemoHandle,
  s: Signed,
  opts: { sim?: string; headers?: Record<string, string> } = {},
) {
  const body = {
    version: s.version,
    timestamp: s.timestamp,
    appId: s.appId,
    businessType: s.businessType,
    traceId: s.traceId,
    msgId: s.traceId,
    sign: s.sign,
    authPageType: "1",
    userInformation: USER_INFORMATION,
    expandParams: opts.sim ? `sim=${opts.sim}` : "",
  };
  const res = await fetch(`${demo.gatewayUrl}/h5/httpsPreGetmobile`, {
    method: "POST",
    headers: { "Content-Type": "text/plain;charset=UTF-8", ...(opts.headers ?? pageHeaders(demo)) },
    body: JSON.stringify(body),
  });
  return (await res.json()) as { header?: Record<string, string>; body: Record<string, any> };
}

/** What the page sends in the token request. */
export interface TokenRequest {
  /** The accessToken of the pre-fetch. */
  accessToken: string;
  /** The whole number, as the user completed it by typing the hidden digits. */
  fullPhone: string;
  /** The test SIM to answer for (sent as `expandParams`). */
  sim?: string;
}

/** The token request after the user typed the hidden digits of the number. */
export async function authGetToken(demo: DemoHandle, s: Signed, request: TokenRequest) {
  const { accessToken, fullPhone } = request;
  const res = await fetch(`${demo.gatewayUrl}/h5/onekeylogin/authGetToken`, {
    method: "POST",
    headers: {
      ...pageHeaders(demo),
      "Content-Type": "application/json",
      interfaceVersion: s.version,
      timestamp: formatTimestamp(),
      appId: s.appId,
      businessType: s.businessType,
      traceId: s.traceId,
    },
    body: JSON.stringify({
      accessToken,
      phone: md5(fullPhone),
      userInformation: USER_INFORMATION,
      expandParams: request.sim ? `sim=${request.sim}` : "",
    }),
  });
  return (await res.json()) as { resultCode: string; desc?: string; data?: { token?: string } };
}

/** Sign → pre-fetch → token, the browser's part of the flow, for the CM test SIM. */
export async function obtainToken(demo: DemoHandle, app = "default"): Promise<string> {
  const signed = await postJson(`${demo.url}api/sign`, { app });
  const pre = await preFetch(demo, signed.json, { sim: "cm" });
  if (pre.body.resultCode !== "103000")
    throw new Error(`pre-fetch failed: ${JSON.stringify(pre.body)}`);
  const tok = await authGetToken(demo, signed.json, {
    accessToken: pre.body.accessToken,
    fullPhone: "13800001234",
    sim: "cm",
  });
  if (tok.resultCode !== "103000" || !tok.data?.token)
    throw new Error(`authGetToken failed: ${JSON.stringify(tok)}`);
  return tok.data.token;
}

/** A raw request, for bodies fetch will not send (chunked, lying Content-Length). */
export function rawRequest(
  url: string,
  opts: { method: string; headers?: Record<string, string | number>; chunks?: (string | Buffer)[] },
): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    let answered = false;
    const req = request(url, { method: opts.method, headers: opts.headers }, (res) => {
      answered = true;
      const parts: Buffer[] = [];
      res.on("data", (c: Buffer) => parts.push(c));
      res.on("end", () =>
        resolve({ status: res.statusCode ?? 0, text: Buffer.concat(parts).toString("utf8") }),
      );
      res.on("error", () =>
        resolve({ status: res.statusCode ?? 0, text: Buffer.concat(parts).toString("utf8") }),
      );
    });
    // The server may answer 413 and close before the whole body is written: that is a pass.
    req.on("error", (e) => {
      if (!answered) reject(e);
    });
    for (const c of opts.chunks ?? []) req.write(c);
    req.end();
  });
}
