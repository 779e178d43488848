/**
 * Shared helpers of the emulator tests: a raw HTTP client (node:http, so Referer and Origin can be
 * set like a browser sets them), the request builders of each protocol step computed here with
 * node:crypto, and a whole-flow runner.
 */
import { createCipheriv, createHash, randomBytes } from "node:crypto";
import { request as httpRequest } from "node:http";
import { afterEach } from "vitest";
import {
  startEmulator,
  type EmulatorOptions,
  type RunningEmulator,
} from "../../../src/emulator/index";
import type { PreGetMobileRequest } from "../../../src/protocol/wire";

export const DEMO = "http://127.0.0.1:8080";
export const PAGE = `${DEMO}/standard-popup.html`;
/** The sample registry's demo app and its (test-only) appKey. */
export const APP_ID = "300011000001";
export const APP_KEY = "a7d94bd19aa72cfc8f7067a59a53369e";
export const BROWSER = { Referer: PAGE, Origin: DEMO };

export const md5 = (s: string) => createHash("md5").update(s, "utf8").digest("hex");

const running: RunningEmulator[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((e) => e.close()));
});

/** Starts an emulator that the current test's afterEach closes. */
export async function start(options: EmulatorOptions = {}): Promise<RunningEmulator> {
  const emu = await startEmulator({ port: 0, ...options });
  running.push(emu);
  return emu;
}

export interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
  json: any;
}

export function http(
  url: string,
  init: {
    method?: string;
    headers?: Record<string, string>;
    body?: string | Buffer;
    signal?: AbortSignal;
  } = {},
): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      url,
      { method: init.method ?? "GET", headers: init.headers, signal: init.signal },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () => {
          const text = Buffer.concat(chunks).toString("utf8");
          let json: unknown;
          try {
            json = JSON.parse(text);
          } catch {
            json = undefined;
          }
          resolve({ status: res.statusCode ?? 0, headers: res.headers, text, json });
        });
        res.on("error", reject);
      },
    );
    req.on("error", reject);
    if (init.body !== undefined) req.write(init.body);
    req.end();
  });
}

export const postJson = (url: string, body: unknown, headers: Record<string, string> = {}) =>
  http(url, {
    method: "POST",
    headers: { "Content-Type": "application/json", ...headers },
    body: JSON.stringify(body),
  });

/** yyyyMMddHHmmssSSS in local time, written out independently of src/protocol. */
export function ts(ms: number = Date.now()): string {
  const d = new Date(ms);
  const p = (n: number, w = 2) => String(n).padStart(w, "0");
  return `${d.getFullYear()}${p(d.getMonth() + 1)}${p(d.getDate())}${p(d.getHours())}${p(d.getMinutes())}${p(d.getSeconds())}${p(d.getMilliseconds(), 3)}`;
}

export const newTrace = () => "t" + randomBytes(12).toString("hex");

/** The CM pre-fetch body exactly as the wire protocol types it. */
export type PreGetFields = PreGetMobileRequest;

export const USER_INFO = encodeURIComponent(
  Buffer.from("Linux x86_64@@Mozilla/5.0 test@@" + md5("fp")).toString("base64"),
);

/** A correctly signed pre-fetch body; `over` replaces fields after signing unless `resign`. */
export function preGetBody(
  o: {
    appId?: string;
    appKey?: string;
    traceId?: string;
    timestamp?: string;
    sim?: string;
    businessType?: string;
  } = {},
): PreGetFields {
  const appId = o.appId ?? APP_ID;
  const traceId = o.traceId ?? newTrace();
  const timestamp = o.timestamp ?? ts();
  const businessType = o.businessType ?? "8";
  const version = "2.0";
  const sign = md5(
    appId + businessType + traceId + timestamp + traceId + version + (o.appKey ?? APP_KEY),
  );
  return {
    version,
    timestamp,
    appId,
    businessType,
    traceId,
    msgId: traceId,
    sign,
    authPageType: "1",
    userInformation: USER_INFO,
    expandParams: o.sim ? `sim=${o.sim}` : "",
  };
}

/** The SDK sends the pre-fetch as text/plain (no Content-Type set on the XHR). */
export const preGet = (
  emu: RunningEmulator,
  body: unknown,
  headers: Record<string, string> = BROWSER,
) =>
  http(emu.url + "/h5/httpsPreGetmobile", {
    method: "POST",
    headers: { "Content-Type": "text/plain;charset=UTF-8", ...headers },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });

/** reqdata of CT/CU step 1: AES-128-CBC, key = MD5(encrypted)[8..24].toUpperCase(), IV "0"×16. */
export function encryptReqdata(encrypted: string, plain: unknown): string {
  const key = Buffer.from(md5(encrypted).substr(8, 16).toUpperCase(), "utf8");
  const cipher = createCipheriv("aes-128-cbc", key, Buffer.from("0000000000000000", "utf8"));
  return Buffer.concat([cipher.update(JSON.stringify(plain), "utf8"), cipher.final()]).toString(
    "hex",
  );
}

export function phonescripRequest(o: {
  appId?: string;
  traceId: string;
  timestamp?: string;
  version?: string;
  badSign?: boolean;
  businessType?: string;
}) {
  const appId = o.appId ?? APP_ID;
  const version = o.version ?? "2.0";
  const timestamp = o.timestamp ?? ts();
  const encrypted = randomBytes(8).toString("hex");
  const sign = o.badSign ? "0".repeat(32) : md5(appId + version + o.traceId + timestamp);
  const reqdata = encryptReqdata(encrypted, {
    ver: "1.0",
    appId,
    interfaceVersion: version,
    expandParams: "",
    msgId: o.traceId,
    timestamp,
    mobilesystem: "0",
    sign,
  });
  return {
    headers: { appId, interfaceVersion: version, traceId: o.traceId },
    body: { encrypted, reqdata, businessType: o.businessType ?? "8" },
  };
}

export type Cross = "CT" | "CU";
const CROSS = {
  CT: {
    step1: "/h5/onekeylogin/getNewTelecomPhonescrip",
    step3: "/h5/onekeylogin/CTCallback",
    cb: "getTelecomPhone",
  },
  CU: {
    step1: "/h5/onekeylogin/getNewUnicomPhonescrip",
    step3: "/h5/onekeylogin/CUCallback",
    cb: "getNewUnicomPhone",
  },
} as const;
export { CROSS };

/** Evaluates a JSONP answer the way a <script> would, capturing the callback's argument. */
export function runJsonp(
  script: string,
  callback: string,
): { result: string; data: string; code?: string; msg?: string } {
  let got: any;
  // eslint-disable-next-line @typescript-eslint/no-implied-eval -- runs the answer as <script> would
  const asScript = new Function(callback, script);
  asScript((p: unknown) => {
    got = p;
  });
  return got;
}

/** What a test varies in a CT/CU step 1 request. */
export interface CrossStep1Options {
  /** Request fields that override phonescripRequest's defaults. */
  fields?: Parameters<typeof phonescripRequest>[0] | object;
  /** The Referer/Origin headers the "browser" sends; default BROWSER. */
  browser?: Record<string, string>;
}

export async function crossStep1(
  emu: RunningEmulator,
  carrier: Cross,
  traceId: string,
  options: CrossStep1Options = {},
) {
  const browser = options.browser ?? BROWSER;
  const r = phonescripRequest({ traceId, timestamp: ts(emu.state.now()), ...options.fields });
  return postJson(emu.url + CROSS[carrier].step1, r.body, { ...r.headers, ...browser });
}

export function callbackHeaders(traceId: string, o: { appId?: string; timestamp?: string } = {}) {
  return {
    appId: o.appId ?? APP_ID,
    interfaceVersion: "2.0",
    traceId,
    businessType: "8",
    timestamp: o.timestamp ?? ts(),
    authPageType: "1",
  };
}

/** Steps 1–3 of CT or CU; returns every answer. */
export async function crossFlow(
  emu: RunningEmulator,
  carrier: Cross,
  traceId: string,
  o: { appId?: string } = {},
) {
  const s1 = await crossStep1(emu, carrier, traceId, { fields: o });
  if (s1.json?.resultCode !== "103000") return { s1 };
  const s2raw = await http(s1.json.data);
  const s2 = runJsonp(s2raw.text, CROSS[carrier].cb);
  const s3 = await postJson(
    emu.url + CROSS[carrier].step3,
    { data: s2.data, ver: "1.0", userInformation: USER_INFO },
    { ...callbackHeaders(traceId, { timestamp: ts(emu.state.now()), ...o }), ...BROWSER },
  );
  return { s1, s2raw, s2, s3 };
}

export function tokenHeaders(traceId: string, appId = APP_ID) {
  return {
    interfaceVersion: "2.0",
    timestamp: ts(),
    appId,
    businessType: "8",
    traceId,
    ...BROWSER,
  };
}

export const authGetToken = (
  emu: RunningEmulator,
  traceId: string,
  body: Record<string, unknown>,
  appId = APP_ID,
) =>
  postJson(
    emu.url + "/h5/onekeylogin/authGetToken",
    { userInformation: USER_INFO, expandParams: "", ...body },
    tokenHeaders(traceId, appId),
  );

/** Pre-fetch with a SIM, then returns the accessToken and masked number. */
export async function fetchNumber(
  emu: RunningEmulator,
  sim = "cm",
  appId = APP_ID,
  appKey = APP_KEY,
) {
  const body = preGetBody({ sim, appId, appKey, timestamp: ts(emu.state.now()) });
  const r = await preGet(emu, body);
  return { traceId: body.traceId, reply: r, body: r.json?.body };
}

/** Polls a condition (no fixed sleeps) until it holds or the deadline passes. */
export async function until<T>(probe: () => T | undefined | false, timeoutMs = 5000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = probe();
    if (v) return v;
    if (Date.now() > deadline) throw new Error("condition not met in time");
    await new Promise((r) => setImmediate(r));
  }
}
