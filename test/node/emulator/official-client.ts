/**
 * The requests of China Mobile's official H5 SDK (v20211103), written here from its documented
 * wire behaviour (docs/protocol.md) — not from its code: the production paths (some with a
 * doubled slash), exactly its headers (no Content-Type where it sets none, so a browser sends
 * text/plain;charset=UTF-8), its body key order, uppercase-hex `encrypted`, reqdata with the
 * integrator's signed timestamp, no userInformation in the CUCallback body.
 */
import { randomBytes } from "node:crypto";
import type { RunningEmulator } from "../../../src/emulator/index";
import { BROWSER, encryptReqdata, http, md5, ts, USER_INFO, type Reply } from "./support";

/** What a browser puts on a string body when the XHR sets no Content-Type. */
export const TEXT_PLAIN = "text/plain;charset=UTF-8";

/** The production paths as the official SDK writes them after its host. */
export const OFFICIAL_PATHS = {
  preGetMobile: "/h5/httpsPreGetmobile",
  ctPhonescrip: "/h5/onekeylogin/getNewTelecomPhonescrip",
  ctCallback: "/h5/onekeylogin/CTCallback",
  cuPhonescrip: "/h5/onekeylogin/getNewUnicomPhonescrip",
  cuCallback: "/h5/onekeylogin/CUCallback",
  authGetToken: "//h5/onekeylogin/authGetToken",
  pageOption: "//h5/onekeylogin/getPageOption",
  logReport: "/log/logReport",
} as const;

/** The integrator's `data` object of getTokenInfo, signed as the official manual asks. */
export interface IntegratorData {
  version: string;
  timestamp: string;
  appId: string;
  businessType: string;
  traceId: string;
  sign: string;
  authPageType: string;
  expandParams?: string;
}

export function integratorData(o: {
  appId: string;
  appKey: string;
  timestamp: string;
  sim?: string;
}): IntegratorData {
  const traceId = randomBytes(16).toString("hex");
  const version = "2.0";
  const sign = md5(o.appId + "8" + traceId + o.timestamp + traceId + version + o.appKey);
  const data: IntegratorData = {
    version,
    timestamp: o.timestamp,
    appId: o.appId,
    businessType: "8",
    traceId,
    sign,
    authPageType: "1",
  };
  if (o.sim) data.expandParams = `sim=${o.sim}`;
  return data;
}

/** A POST with exactly these headers (plus the browser's Referer/Origin). */
function post(url: string, body: string, headers: Record<string, string>): Promise<Reply> {
  return http(url, { method: "POST", headers: { ...BROWSER, ...headers }, body });
}

/** The CM pre-fetch: a simple request, body keys in the official order. */
export function officialPreGet(emu: RunningEmulator, d: IntegratorData, path: string) {
  const body = {
    version: d.version,
    timestamp: d.timestamp,
    appId: d.appId,
    businessType: "8",
    traceId: d.traceId,
    msgId: d.traceId,
    sign: d.sign,
    authPageType: d.authPageType,
    userInformation: USER_INFO,
    expandParams: d.expandParams,
  };
  return post(emu.url + path, JSON.stringify(body), { "Content-Type": TEXT_PLAIN });
}

/** 16 random characters of 0-9A-F, as the official `encrypted`. */
function uppercaseEncrypted(): string {
  return randomBytes(8).toString("hex").toUpperCase();
}

/** CT/CU step 1: headers appId, interfaceVersion, traceId; no Content-Type of its own. */
export function officialPhonescrip(emu: RunningEmulator, d: IntegratorData, path: string) {
  const encrypted = uppercaseEncrypted();
  const reqdata = encryptReqdata(encrypted, {
    ver: "1.0",
    appId: d.appId,
    interfaceVersion: d.version,
    expandParams: "",
    msgId: d.traceId,
    timestamp: d.timestamp,
    mobilesystem: "0",
    sign: md5(d.appId + d.version + d.traceId + d.timestamp),
  });
  const body = JSON.stringify({ encrypted, reqdata, businessType: "8" });
  return post(emu.url + path, body, {
    "Content-Type": TEXT_PLAIN,
    appId: d.appId,
    interfaceVersion: d.version,
    traceId: d.traceId,
  });
}

/** CT/CU step 3: the integrator's timestamp in the header; CU leaves userInformation out. */
export function officialCallback(
  emu: RunningEmulator,
  d: IntegratorData,
  step: { path: string; data: unknown; withUserInformation: boolean },
) {
  const body: Record<string, unknown> = { data: step.data, ver: "1.0" };
  if (step.withUserInformation) body.userInformation = USER_INFO;
  return post(emu.url + step.path, JSON.stringify(body), {
    "Content-Type": TEXT_PLAIN,
    appId: d.appId,
    interfaceVersion: d.version,
    traceId: d.traceId,
    businessType: "8",
    timestamp: d.timestamp,
    authPageType: d.authPageType,
  });
}

/** authGetToken: the one call with a Content-Type (application/json, no charset). */
export function officialAuthGetToken(
  emu: RunningEmulator,
  d: IntegratorData,
  body: { accessToken: string; phone: string },
  browser: Record<string, string> = BROWSER,
) {
  return http(emu.url + OFFICIAL_PATHS.authGetToken, {
    method: "POST",
    headers: {
      ...browser,
      interfaceVersion: d.version,
      timestamp: ts(),
      appId: d.appId,
      businessType: "8",
      traceId: d.traceId,
      "Content-Type": "application/json",
    },
    body: JSON.stringify({ ...body, userInformation: USER_INFO }),
  });
}

/** getPageOption: a GET with five custom headers and no body. */
export function officialPageOption(emu: RunningEmulator, d: IntegratorData) {
  return http(emu.url + OFFICIAL_PATHS.pageOption, {
    headers: {
      ...BROWSER,
      interfaceVersion: "1.0",
      traceId: d.traceId,
      appId: d.appId,
      timestamp: ts(),
      businessType: "8",
    },
  });
}

/**
 * Runs a step-2 answer the way its <script> would run in the page: it must call the fixed global
 * (`getTelecomPhone` / `getNewUnicomPhone`) with one argument.
 */
export function runGatewayScript(script: string, globalName: string): Record<string, unknown> {
  let received: Record<string, unknown> | undefined;
  // eslint-disable-next-line @typescript-eslint/no-implied-eval -- runs the answer as <script> would
  const asScript = new Function(globalName, script);
  asScript((payload: Record<string, unknown>) => {
    received = payload;
  });
  if (!received) throw new Error(`the script did not call ${globalName}`);
  return received;
}
