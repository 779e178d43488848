/**
 * The gateway's checks, in the fixed order documented in docs/emulator.md, with the gateway's
 * code for the first failure (the codes of docs/protocol.md). Each endpoint has one sequence
 * function here, so the order is read in one place.
 */
import { createHash, createDecipheriv, createVerify, type KeyObject } from "node:crypto";
import type { IncomingHttpHeaders } from "node:http";
import { CM_FETCH_CODES, TOKEN_CODES } from "../protocol/codes";
import { parseTimestamp } from "../protocol/timestamp";
import {
  crossCarrierSignInput,
  REQDATA_IV,
  reqdataKeyFromMd5Hex,
  requestSignInput,
  tokenValidateSignInput,
} from "../protocol/sign-input";
import { PRE_GET_MOBILE_REQUIRED } from "../protocol/wire";
import { toPublicKey } from "../server/keys";
import { originOf, refererPageAddress, type RegistryStore } from "./registry";
import type { AppRegistration, Carrier, Limits, Sim } from "./types";

export interface Failure {
  code: string;
  desc: string;
  /** HTTP status; 200 unless the request was structurally wrong (400). */
  status?: number;
}

export type Outcome<T> = ({ ok: true } & T) | { ok: false; failure: Failure };

export interface CheckEnv {
  registry: RegistryStore;
  now: () => number;
  limits: Limits;
}

type Json = Record<string, unknown>;

/** Told the Referer/Origin verdict as soon as the request's appId names a registered app. */
export type VerdictListener = (app: AppRegistration, verdict: RefererOriginVerdict) => void;

/** What a browser-facing endpoint's check sequence reads from one request. */
export interface GatewayRequest {
  /** The parsed JSON body (the route has already rejected anything that is not an object). */
  body: Json;
  /** The request headers as Node parsed them. */
  headers: IncomingHttpHeaders;
  /** Receives the Referer/Origin verdict early, so it is recorded even when a check fails. */
  onVerdict: VerdictListener;
  /**
   * The addresses of the gateway's own hosted page: a request from one of them (Referer page
   * address listed, Origin its origin) passes the Referer and Origin checks of any app.
   */
  ownPages?: readonly string[];
}

/** The failed side of an Outcome. */
function rejected(failure: Failure): { ok: false; failure: Failure } {
  return { ok: false, failure };
}

/** CT/CU gateway texts. */
export const CROSS_CARRIER_FETCH_CODES: Readonly<Record<string, string>> = {
  "103000": "成功",
  "301": "参数错误",
  "130030": "参数为空",
  "105117": "TRACEID 为空",
  "108001": "businessType is null",
  "104001": "businessType config error",
  "103101": "错误的请求签名",
  "105112": "时间戳非法",
  "105113": "APPID 非法或为空",
  "110023": "应用没有权益",
  "110025": "权益已失效",
  "170001": "referer 校验失败",
  "110026": "Origin 校验失败",
  "103111": "WAP 网关 IP 错误",
  "105003": "电信网关取号失败",
  "105001": "联通网关取号失败",
  "111002": "黑名单号码用户",
  "103609": "物联网 IP 不允许取号",
  "130035": "其他错误",
};

/** tokenValidate texts (docs/protocol.md). */
export const TOKEN_VALIDATE_CODES: Readonly<Record<string, string>> = {
  "103000": "成功",
  "103002": "必传参数为空",
  "103005": "inner error",
  "104000": "app不存在",
  "104003": "应用没有权益",
  "104004": "权益已失效",
  "104007": "token不存在",
  "104008": "token校验失败",
  "104010": "配置错误",
  "104013": "验证签名失败",
  "104014": "businessType校验失败",
  "104017": "IP校验失败",
  "105112": "时间戳非法",
};

const TOKEN_TEXTS: Readonly<Record<string, string>> = {
  ...TOKEN_CODES,
  "103911": "token 请求过于频繁",
};

export type Family = "cm" | "ct" | "cu" | "token" | "validate";

const TEXTS: Record<Family, Readonly<Record<string, string>>> = {
  cm: CM_FETCH_CODES,
  ct: CROSS_CARRIER_FETCH_CODES,
  cu: CROSS_CARRIER_FETCH_CODES,
  token: TOKEN_TEXTS,
  validate: TOKEN_VALIDATE_CODES,
};

/** The seed's text for a code, with the emulator's reason after a colon. */
export function failure(family: Family, code: string, reason?: string, status?: number): Failure {
  const text = TEXTS[family][code] ?? "其他错误";
  const f: Failure = { code, desc: reason ? `${text}: ${reason}` : text };
  if (status !== undefined) f.status = status;
  return f;
}

export function describe(family: Family, code: string): string {
  return TEXTS[family][code] ?? "";
}

const md5 = (s: string) => createHash("md5").update(s, "utf8").digest("hex");

export function header(headers: IncomingHttpHeaders, name: string): string | undefined {
  const v = headers[name.toLowerCase()];
  return Array.isArray(v) ? v[0] : v;
}

/** Which fields of an object must be non-empty strings, and how to report the first that is not. */
interface RequiredStrings {
  /** Whose texts the failure uses. */
  family: Family;
  /** The code for an absent, empty or mistyped field. */
  code: string;
  /** Where the fields live, for the reason: "body", "header" or "reqdata". */
  where: string;
  /** The object the fields are read from. */
  source: Json;
  /** The fields, checked in this order. */
  fields: readonly string[];
}

/** Absent (undefined or null) counts as not sent; JSON has no other way to leave a field out. */
function isAbsent(value: unknown): boolean {
  return value === undefined || value === null;
}

/** A field that was sent but is not a string: a structural error (HTTP 400), not an empty one. */
function isSentButNotString(value: unknown): boolean {
  return !isAbsent(value) && typeof value !== "string";
}

/** `typeof`, except that an array says "array" rather than "object". */
function typeName(value: unknown): string {
  if (Array.isArray(value)) return "array";
  return typeof value;
}

/** Empty or absent → the field name; wrong type → a 400 failure naming the type. */
function requireStrings(required: RequiredStrings): Failure | undefined {
  const { family, code, where, source } = required;
  for (const field of required.fields) {
    const value = source[field];
    if (isSentButNotString(value)) {
      const reason = `${where} ${field} must be a string, got ${typeName(value)}`;
      return failure(family, code, reason, 400);
    }
    if (isAbsent(value) || value === "") {
      return failure(family, code, `${where} ${field} is missing or empty`);
    }
  }
  return undefined;
}

/** The fields a request must carry as non-empty strings: first its headers, then its body. */
interface RequiredRequestStrings {
  /** Whose texts the failure uses. */
  family: Family;
  /** The code for an absent, empty or mistyped field. */
  code: string;
  /** The request's headers, as headerObject picked them. */
  headers: Json;
  /** The header names, checked in this order. */
  headerFields: readonly string[];
  /** The request's JSON body. */
  body: Json;
  /** The body fields, checked after all the headers. */
  bodyFields: readonly string[];
}

function requireRequestStrings(required: RequiredRequestStrings): Failure | undefined {
  const { family, code } = required;
  const headerSource = { family, code, where: "header", source: required.headers };
  const bodySource = { family, code, where: "body", source: required.body };
  return (
    requireStrings({ ...headerSource, fields: required.headerFields }) ??
    requireStrings({ ...bodySource, fields: required.bodyFields })
  );
}

function headerObject(headers: IncomingHttpHeaders, names: readonly string[]): Json {
  const o: Json = {};
  for (const n of names) o[n] = header(headers, n);
  return o;
}

export function checkTimestamp(
  family: Family,
  code: string,
  value: string,
  env: CheckEnv,
): Failure | undefined {
  const time = parseTimestamp(value);
  if (!time) {
    const shown = value.slice(0, 32);
    const reason = `timestamp "${shown}" is not 17 digits yyyyMMddHHmmssSSS of a real local time`;
    return failure(family, code, reason);
  }
  const offsetMs = time.getTime() - env.now();
  const windowMs = env.limits.timestampWindowMs;
  if (Math.abs(offsetMs) > windowMs) {
    const offsetS = Math.round(offsetMs / 1000);
    const windowS = windowMs / 1000;
    const reason = `timestamp is ${offsetS} s off the gateway clock (allowed ±${windowS} s)`;
    return failure(family, code, reason);
  }
  return undefined;
}

function findApp(
  family: Family,
  code: string,
  appId: string,
  env: CheckEnv,
): Outcome<{ app: AppRegistration }> {
  const app = env.registry.get(appId);
  if (!app) {
    return rejected(failure(family, code, `appId ${appId.slice(0, 40)} is not registered`));
  }
  if (app.reviewStatus !== "审核成功") {
    return rejected(failure(family, code, `the app is ${app.reviewStatus}, not 审核成功`));
  }
  return { ok: true, app };
}

function checkEntitlement(
  family: Family,
  app: AppRegistration,
  none: string,
  expired: string,
): Failure | undefined {
  if (app.entitlement === "unsubscribed") {
    return failure(family, none, "the app has no subscription");
  }
  if (app.entitlement === "exhausted") {
    return failure(family, none, "the app's entitlement is used up");
  }
  if (app.entitlement === "expired") {
    return failure(family, expired, "the app's entitlement has expired");
  }
  return undefined;
}

export interface RefererOriginVerdict {
  referer: string | null;
  /** The address compared: the Referer without `#…` and `?…`. */
  refererPage: string | null;
  refererOk: boolean;
  refererReason: string;
  origin: string | null;
  originOk: boolean;
  originReason: string;
  registeredReferers: string[];
  registeredOrigins: string[];
}

/** Referer: exact page address; Origin: protocol + host + port (§2.2). */
export function evaluateRefererOrigin(
  app: AppRegistration,
  headers: IncomingHttpHeaders,
  ownPages: readonly string[] = [],
): RefererOriginVerdict {
  const referer = header(headers, "referer") ?? null;
  const origin = header(headers, "origin") ?? null;
  const refererPage = referer === null ? null : refererPageAddress(referer);
  const fromOwnPage =
    refererPage !== null && ownPages.includes(refererPage) && origin === originOf(refererPage);
  if (fromOwnPage) {
    const reason = `${refererPage} is the gateway's own hosted page`;
    return {
      referer,
      refererPage,
      refererOk: true,
      refererReason: reason,
      origin,
      originOk: true,
      originReason: reason,
      registeredReferers: [...app.referers],
      registeredOrigins: [...app.origins],
    };
  }
  let refererOk = false;
  let refererReason: string;
  if (refererPage === null || referer === "") {
    refererReason =
      "no Referer header: the browser sent none (an HTTPS page needs " +
      '<meta name="referrer" content="always">; the default policy also sends only the origin ' +
      "cross-origin)";
  } else if (app.referers.includes(refererPage)) {
    refererOk = true;
    refererReason = `${refererPage} is registered`;
  } else {
    refererReason =
      `${refererPage} is not a registered page address ` +
      "(exact match, no wildcards, after removing ?query and #fragment)";
  }
  let originOk = false;
  let originReason: string;
  if (origin === null || origin === "") {
    originReason = "no Origin header";
  } else if (app.origins.includes(origin)) {
    originOk = true;
    originReason = `${origin} is registered`;
  } else {
    originReason = `${origin} is not a registered origin (protocol + host + port)`;
  }
  return {
    referer,
    refererPage,
    refererOk,
    refererReason,
    origin,
    originOk,
    originReason,
    registeredReferers: [...app.referers],
    registeredOrigins: [...app.origins],
  };
}

/**
 * Records the Referer/Origin verdict as soon as the appId names a registered app, before any check
 * can fail, so the demo's panel shows what the browser sent even when e.g. the sign is wrong.
 */
function noteVerdict(
  env: CheckEnv,
  appId: unknown,
  request: GatewayRequest,
): RefererOriginVerdict | undefined {
  if (typeof appId !== "string") return undefined;
  const app = env.registry.get(appId);
  if (!app) return undefined;
  const verdict = evaluateRefererOrigin(app, request.headers, request.ownPages);
  request.onVerdict(app, verdict);
  return verdict;
}

function checkRefererOrigin(
  family: Family,
  v: RefererOriginVerdict,
  refererCode: string,
  originCode: string,
): Failure | undefined {
  if (!v.refererOk) return failure(family, refererCode, v.refererReason);
  if (!v.originOk) return failure(family, originCode, v.originReason);
  return undefined;
}

/** The codes of the checks every browser-facing sequence ends with. */
interface AccessCodes {
  /** No subscription, or its quota used up. */
  noEntitlement: string;
  /** The subscription has expired. */
  expiredEntitlement: string;
  /** The Referer is not a registered page address. */
  referer: string;
  /** The Origin is not registered. */
  origin: string;
}

const NUMBER_FETCH_ACCESS_CODES: AccessCodes = {
  noEntitlement: "110023",
  expiredEntitlement: "110025",
  referer: "170001",
  origin: "110026",
};

const TOKEN_ACCESS_CODES: AccessCodes = {
  noEntitlement: "104003",
  expiredEntitlement: "104004",
  referer: "104005",
  origin: "104006",
};

/** The entitlement, then the Referer, then the Origin: the first failure wins. */
function checkAccess(
  family: Family,
  app: AppRegistration,
  verdict: RefererOriginVerdict,
  codes: AccessCodes,
): Failure | undefined {
  return (
    checkEntitlement(family, app, codes.noEntitlement, codes.expiredEntitlement) ??
    checkRefererOrigin(family, verdict, codes.referer, codes.origin)
  );
}

const NOT_ON: Record<Carrier, string> = { CM: "105002", CT: "105003", CU: "105001" };

/** Whether the gateway of `carrier` can identify this subscriber. */
export function checkSubscriber(family: Family, sim: Sim, carrier: Carrier): Failure | undefined {
  const simName = `test SIM "${sim.id}"`;
  if (sim.network === "wifi") {
    const reason = `${simName} is on Wi-Fi: only cellular data can be identified`;
    return failure(family, "103111", reason);
  }
  if (sim.network === "none") {
    return failure(family, NOT_ON[carrier], `${simName}: no SIM card / no cellular network`);
  }
  if (sim.carrier !== carrier) {
    const reason = `${simName} belongs to ${sim.carrier}, not ${carrier}`;
    return failure(family, NOT_ON[carrier], reason);
  }
  if (sim.blacklisted) return failure(family, "111002", `${simName} is blacklisted`);
  if (sim.iot) return failure(family, "103609", `${simName} is an IoT card`);
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// CM number pre-fetch (docs/protocol.md)

/** The optional CM body fields that, when sent, must be strings. */
const PRE_GET_MOBILE_OPTIONAL_FIELDS = ["authPageType", "userInformation", "expandParams"] as const;

/**
 * Order: 130010 empty → 105112 timestamp → 105113 appId → 103101 sign → 110024 businessType →
 * 110023/110025 entitlement → 170001 referer → 110026 origin. The subscriber checks follow in
 * cm-prefetch.ts via checkSubscriber (103111, 105002, 111002, 103609).
 */
export function checkPreGetMobile(
  env: CheckEnv,
  request: GatewayRequest,
): Outcome<{ app: AppRegistration }> {
  const fam: Family = "cm";
  const { body, headers } = request;
  const noted = noteVerdict(env, body.appId, request);
  const empty = requireStrings({
    family: fam,
    code: "130010",
    where: "body",
    source: body,
    fields: PRE_GET_MOBILE_REQUIRED,
  });
  if (empty) return rejected(empty);
  for (const field of PRE_GET_MOBILE_OPTIONAL_FIELDS) {
    if (isSentButNotString(body[field])) {
      return rejected(failure(fam, "130010", `body ${field} must be a string`, 400));
    }
  }
  // requireStrings has just made every one of these fields a non-empty string.
  const fields = body as Record<(typeof PRE_GET_MOBILE_REQUIRED)[number], string>;
  const timestampFailure = checkTimestamp(fam, "105112", fields.timestamp, env);
  if (timestampFailure) return rejected(timestampFailure);
  const found = findApp(fam, "105113", fields.appId, env);
  if (!found.ok) return found;
  const app = found.app;
  const verdict = noted ?? evaluateRefererOrigin(app, headers);
  const signInput = requestSignInput(
    {
      appId: fields.appId,
      businessType: fields.businessType,
      msgId: fields.msgId,
      timestamp: fields.timestamp,
      traceId: fields.traceId,
      version: fields.version,
    },
    app.appKey,
  );
  if (fields.sign.toLowerCase() !== md5(signInput)) {
    const reason =
      "sign is not MD5(appId + businessType + msgId + timestamp + traceId + version + appKey)";
    return rejected(failure(fam, "103101", reason));
  }
  if (fields.businessType !== "8") {
    const reason = `businessType must be "8", got "${fields.businessType.slice(0, 16)}"`;
    return rejected(failure(fam, "110024", reason));
  }
  const accessFailure = checkAccess(fam, app, verdict, NUMBER_FETCH_ACCESS_CODES);
  if (accessFailure) return rejected(accessFailure);
  return { ok: true, app };
}

// ---------------------------------------------------------------------------------------------
// CT/CU step 1 (docs/protocol.md)

export interface Reqdata {
  ver: string;
  appId: string;
  interfaceVersion: string;
  expandParams: string;
  msgId: string;
  timestamp: string;
  mobilesystem: string;
  sign: string;
}

/** AES-128-CBC/PKCS7 hex → JSON, key = MD5(encrypted).substr(8,16).toUpperCase() as UTF-8. */
export function decryptReqdata(encrypted: string, reqdataHex: string): unknown {
  if (!/^(?:[0-9a-fA-F]{32})+$/.test(reqdataHex)) {
    throw new Error("reqdata is not hex of whole AES blocks");
  }
  const key = Buffer.from(reqdataKeyFromMd5Hex(md5(encrypted)), "utf8");
  const decipher = createDecipheriv("aes-128-cbc", key, Buffer.from(REQDATA_IV, "utf8"));
  const plain = Buffer.concat([decipher.update(Buffer.from(reqdataHex, "hex")), decipher.final()]);
  return JSON.parse(plain.toString("utf8"));
}

/** The gateway texts of the carrier whose gateway answers. */
function crossCarrierFamily(carrier: "CT" | "CU"): Family {
  return carrier === "CT" ? "ct" : "cu";
}

function isJsonObject(value: unknown): value is Json {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * Order: 105117 traceId → 130030 empty → 108001 businessType missing → 301 reqdata undecryptable
 * or inconsistent → 105112 timestamp → 105113 appId → 103101 inner sign → 104001 businessType →
 * 110023/110025 → 170001 → 110026.
 */
export function checkPhonescrip(
  env: CheckEnv,
  carrier: "CT" | "CU",
  request: GatewayRequest,
): Outcome<{ app: AppRegistration; reqdata: Reqdata; traceId: string }> {
  const fam = crossCarrierFamily(carrier);
  const { body, headers } = request;
  const h = headerObject(headers, ["appId", "interfaceVersion", "traceId"]);
  const noted = noteVerdict(env, h.appId, request);
  if (!h.traceId) return rejected(failure(fam, "105117", "traceId header is missing"));
  const empty = requireRequestStrings({
    family: fam,
    code: "130030",
    headers: h,
    headerFields: ["appId", "interfaceVersion"],
    body,
    bodyFields: ["encrypted", "reqdata"],
  });
  if (empty) return rejected(empty);
  if (isAbsent(body.businessType) || body.businessType === "") {
    return rejected(failure(fam, "108001", "body businessType is missing"));
  }
  if (typeof body.businessType !== "string") {
    return rejected(failure(fam, "130030", "body businessType must be a string", 400));
  }
  let raw: unknown;
  try {
    raw = decryptReqdata(body.encrypted as string, body.reqdata as string);
  } catch (e) {
    const reason =
      "reqdata does not decrypt to JSON with the key derived from encrypted " +
      `(${(e as Error).message})`;
    return rejected(failure(fam, "301", reason));
  }
  if (!isJsonObject(raw)) return rejected(failure(fam, "301", "reqdata is not a JSON object"));
  const innerEmpty = requireStrings({
    family: fam,
    code: "130030",
    where: "reqdata",
    source: raw,
    fields: ["appId", "interfaceVersion", "msgId", "timestamp", "sign"],
  });
  if (innerEmpty) return rejected(innerEmpty);
  const reqdata = raw as unknown as Reqdata;
  if (reqdata.appId !== h.appId) {
    return rejected(failure(fam, "301", "reqdata appId differs from the appId header"));
  }
  const timestampFailure = checkTimestamp(fam, "105112", reqdata.timestamp, env);
  if (timestampFailure) return rejected(timestampFailure);
  const found = findApp(fam, "105113", reqdata.appId, env);
  if (!found.ok) return found;
  const app = found.app;
  const verdict = noted ?? evaluateRefererOrigin(app, headers);
  const signInput = crossCarrierSignInput({
    appId: reqdata.appId,
    version: reqdata.interfaceVersion,
    msgId: reqdata.msgId,
    timestamp: reqdata.timestamp,
  });
  if (String(reqdata.sign).toLowerCase() !== md5(signInput)) {
    const reason = "reqdata sign is not MD5(appId + interfaceVersion + msgId + timestamp)";
    return rejected(failure(fam, "103101", reason));
  }
  if (body.businessType !== "8") {
    return rejected(failure(fam, "104001", `businessType must be "8"`));
  }
  const accessFailure = checkAccess(fam, app, verdict, NUMBER_FETCH_ACCESS_CODES);
  if (accessFailure) return rejected(accessFailure);
  return { ok: true, app, reqdata, traceId: h.traceId as string };
}

// ---------------------------------------------------------------------------------------------
// CT/CU step 3 (docs/protocol.md)

/**
 * Order: 105117 traceId → 108001 businessType missing → 130030 empty → 105112 → 105113 → 104001 →
 * 110023/110025 → 170001 → 110026. The session (301), the switch and the subscriber checks follow
 * in cross-carrier.ts.
 */
export function checkCarrierCallback(
  env: CheckEnv,
  carrier: "CT" | "CU",
  request: GatewayRequest,
): Outcome<{ app: AppRegistration; traceId: string; data: string }> {
  const fam = crossCarrierFamily(carrier);
  const { body, headers } = request;
  const h = headerObject(headers, [
    "appId",
    "interfaceVersion",
    "traceId",
    "businessType",
    "timestamp",
    "authPageType",
  ]);
  const noted = noteVerdict(env, h.appId, request);
  if (!h.traceId) return rejected(failure(fam, "105117", "traceId header is missing"));
  if (!h.businessType) return rejected(failure(fam, "108001", "businessType header is missing"));
  const empty = requireRequestStrings({
    family: fam,
    code: "130030",
    headers: h,
    headerFields: ["appId", "interfaceVersion", "timestamp"],
    body,
    bodyFields: ["data"],
  });
  if (empty) return rejected(empty);
  // Unlike the other optional fields, a null userInformation is refused here too.
  if (body.userInformation !== undefined && typeof body.userInformation !== "string") {
    return rejected(failure(fam, "130030", "body userInformation must be a string", 400));
  }
  const timestampFailure = checkTimestamp(fam, "105112", h.timestamp as string, env);
  if (timestampFailure) return rejected(timestampFailure);
  const found = findApp(fam, "105113", h.appId as string, env);
  if (!found.ok) return found;
  const app = found.app;
  const verdict = noted ?? evaluateRefererOrigin(app, headers);
  if (h.businessType !== "8") {
    return rejected(failure(fam, "104001", `businessType must be "8"`));
  }
  const accessFailure = checkAccess(fam, app, verdict, NUMBER_FETCH_ACCESS_CODES);
  if (accessFailure) return rejected(accessFailure);
  return { ok: true, app, traceId: h.traceId as string, data: body.data as string };
}

// ---------------------------------------------------------------------------------------------
// authGetToken (docs/protocol.md)

/**
 * Order: 103002 empty → 104011 phone empty → 104000 appId → 104001 businessType → 104003/104004 →
 * 104005 referer → 104006 origin. The accessToken checks follow in tokens.ts (104007, 104008,
 * 104009 locked, 104012 wrong digits, 103911 too many unused tokens).
 */
export function checkAuthGetToken(
  env: CheckEnv,
  request: GatewayRequest,
): Outcome<{ app: AppRegistration; traceId: string }> {
  const fam: Family = "token";
  const { body, headers } = request;
  const h = headerObject(headers, [
    "appId",
    "traceId",
    "businessType",
    "interfaceVersion",
    "timestamp",
  ]);
  const noted = noteVerdict(env, h.appId, request);
  const empty = requireRequestStrings({
    family: fam,
    code: "103002",
    headers: h,
    headerFields: ["appId", "traceId", "businessType", "interfaceVersion"],
    body,
    bodyFields: ["accessToken", "userInformation"],
  });
  if (empty) return rejected(empty);
  if (isSentButNotString(body.expandParams)) {
    return rejected(failure(fam, "103002", "body expandParams must be a string", 400));
  }
  if (isSentButNotString(body.phone)) {
    const reason = "body phone must be a string (MD5 of the number)";
    return rejected(failure(fam, "104011", reason, 400));
  }
  if (!body.phone) return rejected(failure(fam, "104011", "body phone is missing or empty"));
  const found = findApp(fam, "104000", h.appId as string, env);
  if (!found.ok) return found;
  const app = found.app;
  const verdict = noted ?? evaluateRefererOrigin(app, headers, request.ownPages);
  if (h.businessType !== "8") {
    return rejected(failure(fam, "104001", `businessType must be "8"`));
  }
  const accessFailure = checkAccess(fam, app, verdict, TOKEN_ACCESS_CODES);
  if (accessFailure) return rejected(accessFailure);
  return { ok: true, app, traceId: h.traceId as string };
}

// ---------------------------------------------------------------------------------------------
// tokenValidate (docs/protocol.md)

/** An IPv4 client on a dual-stack socket shows as `::ffff:a.b.c.d`; compare the plain form. */
function normalizeIp(ip: string): string {
  const mappedPrefix = "::ffff:";
  if (ip.startsWith(mappedPrefix)) return ip.slice(mappedPrefix.length);
  return ip;
}

/** Whether `signHex` is a SHA256withRSA signature of `input`; an unusable signature is false. */
function verifiesSha256WithRsa(key: KeyObject, input: string, signHex: string): boolean {
  try {
    return createVerify("RSA-SHA256")
      .update(input, "utf8")
      .verify(key, Buffer.from(signHex, "hex"));
  } catch {
    return false;
  }
}

/**
 * Order (after 103005 for a non-JSON request, in token-validate.ts): 103002 empty → 104000 appId →
 * 104014 businessType → 104017 IP allow-list → 104003/104004 → 104010 no usable public key →
 * 103005 sign not hex → 104013 sign does not verify. The token checks follow in tokens.ts
 * (104007 unknown/expired/used, 104008 other app or userInformation differs).
 */
export function checkTokenValidate(
  env: CheckEnv,
  body: Json,
  headers: IncomingHttpHeaders,
  remoteAddress: string,
): Outcome<{ app: AppRegistration; traceId: string }> {
  const fam: Family = "validate";
  const h = headerObject(headers, [
    "appId",
    "traceId",
    "timestamp",
    "interfaceVersion",
    "businessType",
  ]);
  const empty = requireRequestStrings({
    family: fam,
    code: "103002",
    headers: h,
    headerFields: ["appId", "traceId", "timestamp", "interfaceVersion", "businessType"],
    body,
    bodyFields: ["token", "userInformation", "sign"],
  });
  if (empty) return rejected(empty);
  if (isSentButNotString(body.expandParams)) {
    return rejected(failure(fam, "103002", "body expandParams must be a string", 400));
  }
  const found = findApp(fam, "104000", h.appId as string, env);
  if (!found.ok) return found;
  const app = found.app;
  if (h.businessType !== "8") {
    return rejected(failure(fam, "104014", `businessType must be "8"`));
  }
  const allowList = app.ipAllowList ?? [];
  const ip = normalizeIp(remoteAddress);
  if (allowList.length > 0 && !allowList.map(normalizeIp).includes(ip)) {
    return rejected(failure(fam, "104017", `${ip} is not in the app's IP allow-list`));
  }
  const entitlementFailure = checkEntitlement(fam, app, "104003", "104004");
  if (entitlementFailure) return rejected(entitlementFailure);
  if (!app.rsaPublicKey) {
    return rejected(failure(fam, "104010", "no RSA public key is registered for the app"));
  }
  let key: KeyObject;
  try {
    key = toPublicKey(app.rsaPublicKey);
  } catch {
    const reason = "the app's registered RSA public key does not parse";
    return rejected(failure(fam, "104010", reason));
  }
  const sign = body.sign as string;
  if (!/^(?:[0-9a-fA-F]{2})+$/.test(sign)) {
    return rejected(failure(fam, "103005", "sign is not hex (SHA256withRSA, upper-case hex)"));
  }
  const signInput = tokenValidateSignInput({
    appId: h.appId as string,
    traceId: h.traceId as string,
    timestamp: h.timestamp as string,
    token: body.token as string,
    version: h.interfaceVersion as string,
  });
  if (!verifiesSha256WithRsa(key, signInput, sign)) {
    const reason =
      "SHA256withRSA(appId + traceId + timestamp + token + interfaceVersion) " +
      "does not verify with the registered public key";
    return rejected(failure(fam, "104013", reason));
  }
  return { ok: true, app, traceId: h.traceId as string };
}
