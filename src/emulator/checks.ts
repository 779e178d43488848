/**
 * The gateway's checks, in the fixed order documented in docs/emulator.md, with the seed's code for
 * the first failure (seed 003 §5.1.1 for number fetches, §5.1.2 for tokens, wire-protocol.md §7 for
 * tokenValidate). Each endpoint has one sequence function here, so the order is read in one place.
 */
import { createHash, createDecipheriv, createVerify } from "node:crypto";
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
import { toPublicKey } from "../server/keys";
import { refererPageAddress, type RegistryStore } from "./registry";
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

/** CT/CU gateway texts (seed 003 §5.1.1 (2)/(3)). */
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

/** tokenValidate texts (wire-protocol.md §7). */
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

/** Empty or absent → the field name; wrong type → a 400 failure naming the type. */
function requireStrings(
  family: Family,
  code: string,
  source: Json,
  fields: readonly string[],
  where: string,
): Failure | undefined {
  for (const f of fields) {
    const v = source[f];
    if (v !== undefined && v !== null && typeof v !== "string") {
      return failure(
        family,
        code,
        `${where} ${f} must be a string, got ${Array.isArray(v) ? "array" : typeof v}`,
        400,
      );
    }
    if (v === undefined || v === null || v === "")
      return failure(family, code, `${where} ${f} is missing or empty`);
  }
  return undefined;
}

function headerObject(headers: IncomingHttpHeaders, names: readonly string[]): Json {
  const o: Json = {};
  for (const n of names) o[n] = header(headers, n);
  return o;
}

function checkTimestamp(
  family: Family,
  code: string,
  value: string,
  env: CheckEnv,
): Failure | undefined {
  const t = parseTimestamp(value);
  if (!t)
    return failure(
      family,
      code,
      `timestamp "${value.slice(0, 32)}" is not 17 digits yyyyMMddHHmmssSSS of a real local time`,
    );
  const off = t.getTime() - env.now();
  if (Math.abs(off) > env.limits.timestampWindowMs) {
    return failure(
      family,
      code,
      `timestamp is ${Math.round(off / 1000)} s off the gateway clock (allowed ±${env.limits.timestampWindowMs / 1000} s)`,
    );
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
  if (!app)
    return {
      ok: false,
      failure: failure(family, code, `appId ${appId.slice(0, 40)} is not registered`),
    };
  if (app.reviewStatus !== "审核成功")
    return {
      ok: false,
      failure: failure(family, code, `the app is ${app.reviewStatus}, not 审核成功`),
    };
  return { ok: true, app };
}

function checkEntitlement(
  family: Family,
  app: AppRegistration,
  none: string,
  expired: string,
): Failure | undefined {
  if (app.entitlement === "unsubscribed")
    return failure(family, none, "the app has no subscription");
  if (app.entitlement === "exhausted")
    return failure(family, none, "the app's entitlement is used up");
  if (app.entitlement === "expired")
    return failure(family, expired, "the app's entitlement has expired");
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

/** Referer: exact page address (seed 003 §2.1); Origin: protocol + host + port (§2.2). */
export function evaluateRefererOrigin(
  app: AppRegistration,
  headers: IncomingHttpHeaders,
): RefererOriginVerdict {
  const referer = header(headers, "referer") ?? null;
  const origin = header(headers, "origin") ?? null;
  const refererPage = referer === null ? null : refererPageAddress(referer);
  let refererOk = false;
  let refererReason: string;
  if (referer === null || referer === "") {
    refererReason =
      'no Referer header: the browser sent none (an HTTPS page needs <meta name="referrer" content="always">; the default policy also sends only the origin cross-origin)';
  } else if (app.referers.includes(refererPage!)) {
    refererOk = true;
    refererReason = `${refererPage} is registered`;
  } else {
    refererReason = `${refererPage} is not a registered page address (exact match, no wildcards, after removing ?query and #fragment)`;
  }
  let originOk = false;
  let originReason: string;
  if (origin === null || origin === "") originReason = "no Origin header";
  else if (app.origins.includes(origin)) {
    originOk = true;
    originReason = `${origin} is registered`;
  } else originReason = `${origin} is not a registered origin (protocol + host + port)`;
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
  headers: IncomingHttpHeaders,
  onVerdict: (app: AppRegistration, v: RefererOriginVerdict) => void,
): RefererOriginVerdict | undefined {
  const app = typeof appId === "string" ? env.registry.get(appId) : undefined;
  if (!app) return undefined;
  const v = evaluateRefererOrigin(app, headers);
  onVerdict(app, v);
  return v;
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

const NOT_ON: Record<Carrier, string> = { CM: "105002", CT: "105003", CU: "105001" };

/** Whether the gateway of `carrier` can identify this subscriber. */
export function checkSubscriber(family: Family, sim: Sim, carrier: Carrier): Failure | undefined {
  if (sim.network === "wifi")
    return failure(
      family,
      "103111",
      `test SIM "${sim.id}" is on Wi-Fi: only cellular data can be identified`,
    );
  if (sim.network === "none")
    return failure(
      family,
      NOT_ON[carrier],
      `test SIM "${sim.id}": no SIM card / no cellular network`,
    );
  if (sim.carrier !== carrier)
    return failure(
      family,
      NOT_ON[carrier],
      `test SIM "${sim.id}" belongs to ${sim.carrier}, not ${carrier}`,
    );
  if (sim.blacklisted) return failure(family, "111002", `test SIM "${sim.id}" is blacklisted`);
  if (sim.iot) return failure(family, "103609", `test SIM "${sim.id}" is an IoT card`);
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// CM number pre-fetch (wire-protocol.md §1)

export const PRE_GET_MOBILE_FIELDS = [
  "version",
  "timestamp",
  "appId",
  "businessType",
  "traceId",
  "msgId",
  "sign",
] as const;

/**
 * Order: 130010 empty → 105112 timestamp → 105113 appId → 103101 sign → 110024 businessType →
 * 110023/110025 entitlement → 170001 referer → 110026 origin. The subscriber checks follow in
 * cm-prefetch.ts via checkSubscriber (103111, 105002, 111002, 103609).
 */
export function checkPreGetMobile(
  env: CheckEnv,
  body: Json,
  headers: IncomingHttpHeaders,
  onVerdict: (app: AppRegistration, v: RefererOriginVerdict) => void,
): Outcome<{ app: AppRegistration }> {
  const fam: Family = "cm";
  const noted = noteVerdict(env, body.appId, headers, onVerdict);
  const empty = requireStrings(fam, "130010", body, PRE_GET_MOBILE_FIELDS, "body");
  if (empty) return { ok: false, failure: empty };
  for (const f of ["authPageType", "userInformation", "expandParams"]) {
    if (body[f] !== undefined && body[f] !== null && typeof body[f] !== "string") {
      return { ok: false, failure: failure(fam, "130010", `body ${f} must be a string`, 400) };
    }
  }
  const b = body as Record<(typeof PRE_GET_MOBILE_FIELDS)[number], string>;
  const ts = checkTimestamp(fam, "105112", b.timestamp, env);
  if (ts) return { ok: false, failure: ts };
  const found = findApp(fam, "105113", b.appId, env);
  if (!found.ok) return found;
  const app = found.app;
  const verdict = noted ?? evaluateRefererOrigin(app, headers);
  const expected = md5(
    requestSignInput(
      {
        appId: b.appId,
        businessType: b.businessType,
        msgId: b.msgId,
        timestamp: b.timestamp,
        traceId: b.traceId,
        version: b.version,
      },
      app.appKey,
    ),
  );
  if (b.sign.toLowerCase() !== expected) {
    return {
      ok: false,
      failure: failure(
        fam,
        "103101",
        "sign is not MD5(appId + businessType + msgId + timestamp + traceId + version + appKey)",
      ),
    };
  }
  if (b.businessType !== "8")
    return {
      ok: false,
      failure: failure(
        fam,
        "110024",
        `businessType must be "8", got "${b.businessType.slice(0, 16)}"`,
      ),
    };
  const ent = checkEntitlement(fam, app, "110023", "110025");
  if (ent) return { ok: false, failure: ent };
  const ro = checkRefererOrigin(fam, verdict, "170001", "110026");
  if (ro) return { ok: false, failure: ro };
  return { ok: true, app };
}

// ---------------------------------------------------------------------------------------------
// CT/CU step 1 (wire-protocol.md §2)

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
  if (!/^(?:[0-9a-fA-F]{32})+$/.test(reqdataHex))
    throw new Error("reqdata is not hex of whole AES blocks");
  const key = Buffer.from(reqdataKeyFromMd5Hex(md5(encrypted)), "utf8");
  const decipher = createDecipheriv("aes-128-cbc", key, Buffer.from(REQDATA_IV, "utf8"));
  const text = Buffer.concat([
    decipher.update(Buffer.from(reqdataHex, "hex")),
    decipher.final(),
  ]).toString("utf8");
  return JSON.parse(text);
}

/**
 * Order: 105117 traceId → 130030 empty → 108001 businessType missing → 301 reqdata undecryptable
 * or inconsistent → 105112 timestamp → 105113 appId → 103101 inner sign → 104001 businessType →
 * 110023/110025 → 170001 → 110026.
 */
export function checkPhonescrip(
  env: CheckEnv,
  carrier: "CT" | "CU",
  body: Json,
  headers: IncomingHttpHeaders,
  onVerdict: (app: AppRegistration, v: RefererOriginVerdict) => void,
): Outcome<{ app: AppRegistration; reqdata: Reqdata; traceId: string }> {
  const fam: Family = carrier === "CT" ? "ct" : "cu";
  const h = headerObject(headers, ["appId", "interfaceVersion", "traceId"]);
  const noted = noteVerdict(env, h.appId, headers, onVerdict);
  if (!h.traceId)
    return { ok: false, failure: failure(fam, "105117", "traceId header is missing") };
  const empty =
    requireStrings(fam, "130030", h, ["appId", "interfaceVersion"], "header") ??
    requireStrings(fam, "130030", body, ["encrypted", "reqdata"], "body");
  if (empty) return { ok: false, failure: empty };
  if (body.businessType === undefined || body.businessType === null || body.businessType === "") {
    return { ok: false, failure: failure(fam, "108001", "body businessType is missing") };
  }
  if (typeof body.businessType !== "string")
    return {
      ok: false,
      failure: failure(fam, "130030", "body businessType must be a string", 400),
    };
  let raw: unknown;
  try {
    raw = decryptReqdata(body.encrypted as string, body.reqdata as string);
  } catch (e) {
    return {
      ok: false,
      failure: failure(
        fam,
        "301",
        `reqdata does not decrypt to JSON with the key derived from encrypted (${(e as Error).message})`,
      ),
    };
  }
  if (typeof raw !== "object" || raw === null || Array.isArray(raw))
    return { ok: false, failure: failure(fam, "301", "reqdata is not a JSON object") };
  const inner = raw as Json;
  const innerEmpty = requireStrings(
    fam,
    "130030",
    inner,
    ["appId", "interfaceVersion", "msgId", "timestamp", "sign"],
    "reqdata",
  );
  if (innerEmpty) return { ok: false, failure: innerEmpty };
  const r = inner as unknown as Reqdata;
  if (r.appId !== h.appId)
    return {
      ok: false,
      failure: failure(fam, "301", "reqdata appId differs from the appId header"),
    };
  const ts = checkTimestamp(fam, "105112", r.timestamp, env);
  if (ts) return { ok: false, failure: ts };
  const found = findApp(fam, "105113", r.appId, env);
  if (!found.ok) return found;
  const app = found.app;
  const verdict = noted ?? evaluateRefererOrigin(app, headers);
  const expected = md5(
    crossCarrierSignInput({
      appId: r.appId,
      version: r.interfaceVersion,
      msgId: r.msgId,
      timestamp: r.timestamp,
    }),
  );
  if (String(r.sign).toLowerCase() !== expected) {
    return {
      ok: false,
      failure: failure(
        fam,
        "103101",
        "reqdata sign is not MD5(appId + interfaceVersion + msgId + timestamp)",
      ),
    };
  }
  if (body.businessType !== "8")
    return { ok: false, failure: failure(fam, "104001", `businessType must be "8"`) };
  const ent = checkEntitlement(fam, app, "110023", "110025");
  if (ent) return { ok: false, failure: ent };
  const ro = checkRefererOrigin(fam, verdict, "170001", "110026");
  if (ro) return { ok: false, failure: ro };
  return { ok: true, app, reqdata: r, traceId: h.traceId as string };
}

// ---------------------------------------------------------------------------------------------
// CT/CU step 3 (wire-protocol.md §2)

/**
 * Order: 105117 traceId → 108001 businessType missing → 130030 empty → 105112 → 105113 → 104001 →
 * 110023/110025 → 170001 → 110026. The session (301), the switch and the subscriber checks follow
 * in cross-carrier.ts.
 */
export function checkCarrierCallback(
  env: CheckEnv,
  carrier: "CT" | "CU",
  body: Json,
  headers: IncomingHttpHeaders,
  onVerdict: (app: AppRegistration, v: RefererOriginVerdict) => void,
): Outcome<{ app: AppRegistration; traceId: string; data: string }> {
  const fam: Family = carrier === "CT" ? "ct" : "cu";
  const h = headerObject(headers, [
    "appId",
    "interfaceVersion",
    "traceId",
    "businessType",
    "timestamp",
    "authPageType",
  ]);
  const noted = noteVerdict(env, h.appId, headers, onVerdict);
  if (!h.traceId)
    return { ok: false, failure: failure(fam, "105117", "traceId header is missing") };
  if (!h.businessType)
    return { ok: false, failure: failure(fam, "108001", "businessType header is missing") };
  const empty =
    requireStrings(fam, "130030", h, ["appId", "interfaceVersion", "timestamp"], "header") ??
    requireStrings(fam, "130030", body, ["data"], "body");
  if (empty) return { ok: false, failure: empty };
  if (body.userInformation !== undefined && typeof body.userInformation !== "string") {
    return {
      ok: false,
      failure: failure(fam, "130030", "body userInformation must be a string", 400),
    };
  }
  const ts = checkTimestamp(fam, "105112", h.timestamp as string, env);
  if (ts) return { ok: false, failure: ts };
  const found = findApp(fam, "105113", h.appId as string, env);
  if (!found.ok) return found;
  const app = found.app;
  const verdict = noted ?? evaluateRefererOrigin(app, headers);
  if (h.businessType !== "8")
    return { ok: false, failure: failure(fam, "104001", `businessType must be "8"`) };
  const ent = checkEntitlement(fam, app, "110023", "110025");
  if (ent) return { ok: false, failure: ent };
  const ro = checkRefererOrigin(fam, verdict, "170001", "110026");
  if (ro) return { ok: false, failure: ro };
  return { ok: true, app, traceId: h.traceId as string, data: body.data as string };
}

// ---------------------------------------------------------------------------------------------
// authGetToken (wire-protocol.md §4)

/**
 * Order: 103002 empty → 104011 phone empty → 104000 appId → 104001 businessType → 104003/104004 →
 * 104005 referer → 104006 origin. The accessToken checks follow in tokens.ts (104007, 104008,
 * 104009 locked, 104012 wrong digits, 103911 too many unused tokens).
 */
export function checkAuthGetToken(
  env: CheckEnv,
  body: Json,
  headers: IncomingHttpHeaders,
  onVerdict: (app: AppRegistration, v: RefererOriginVerdict) => void,
): Outcome<{ app: AppRegistration; traceId: string }> {
  const fam: Family = "token";
  const h = headerObject(headers, [
    "appId",
    "traceId",
    "businessType",
    "interfaceVersion",
    "timestamp",
  ]);
  const noted = noteVerdict(env, h.appId, headers, onVerdict);
  const empty =
    requireStrings(
      fam,
      "103002",
      h,
      ["appId", "traceId", "businessType", "interfaceVersion"],
      "header",
    ) ?? requireStrings(fam, "103002", body, ["accessToken", "userInformation"], "body");
  if (empty) return { ok: false, failure: empty };
  if (
    body.expandParams !== undefined &&
    body.expandParams !== null &&
    typeof body.expandParams !== "string"
  ) {
    return {
      ok: false,
      failure: failure(fam, "103002", "body expandParams must be a string", 400),
    };
  }
  if (body.phone !== undefined && body.phone !== null && typeof body.phone !== "string") {
    return {
      ok: false,
      failure: failure(fam, "104011", "body phone must be a string (MD5 of the number)", 400),
    };
  }
  if (!body.phone)
    return { ok: false, failure: failure(fam, "104011", "body phone is missing or empty") };
  const found = findApp(fam, "104000", h.appId as string, env);
  if (!found.ok) return found;
  const app = found.app;
  const verdict = noted ?? evaluateRefererOrigin(app, headers);
  if (h.businessType !== "8")
    return { ok: false, failure: failure(fam, "104001", `businessType must be "8"`) };
  const ent = checkEntitlement(fam, app, "104003", "104004");
  if (ent) return { ok: false, failure: ent };
  const ro = checkRefererOrigin(fam, verdict, "104005", "104006");
  if (ro) return { ok: false, failure: ro };
  return { ok: true, app, traceId: h.traceId as string };
}

// ---------------------------------------------------------------------------------------------
// tokenValidate (wire-protocol.md §7)

function normalizeIp(ip: string): string {
  return ip.startsWith("::ffff:") ? ip.slice(7) : ip;
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
  const empty =
    requireStrings(
      fam,
      "103002",
      h,
      ["appId", "traceId", "timestamp", "interfaceVersion", "businessType"],
      "header",
    ) ?? requireStrings(fam, "103002", body, ["token", "userInformation", "sign"], "body");
  if (empty) return { ok: false, failure: empty };
  if (
    body.expandParams !== undefined &&
    body.expandParams !== null &&
    typeof body.expandParams !== "string"
  ) {
    return {
      ok: false,
      failure: failure(fam, "103002", "body expandParams must be a string", 400),
    };
  }
  const appId = h.appId as string;
  const app = env.registry.get(appId);
  if (!app)
    return {
      ok: false,
      failure: failure(fam, "104000", `appId ${appId.slice(0, 40)} is not registered`),
    };
  if (app.reviewStatus !== "审核成功")
    return {
      ok: false,
      failure: failure(fam, "104000", `the app is ${app.reviewStatus}, not 审核成功`),
    };
  if (h.businessType !== "8")
    return { ok: false, failure: failure(fam, "104014", `businessType must be "8"`) };
  const allow = app.ipAllowList ?? [];
  const ip = normalizeIp(remoteAddress);
  if (allow.length > 0 && !allow.map(normalizeIp).includes(ip)) {
    return {
      ok: false,
      failure: failure(fam, "104017", `${ip} is not in the app's IP allow-list`),
    };
  }
  const ent = checkEntitlement(fam, app, "104003", "104004");
  if (ent) return { ok: false, failure: ent };
  if (!app.rsaPublicKey)
    return {
      ok: false,
      failure: failure(fam, "104010", "no RSA public key is registered for the app"),
    };
  let key;
  try {
    key = toPublicKey(app.rsaPublicKey);
  } catch {
    return {
      ok: false,
      failure: failure(fam, "104010", "the app's registered RSA public key does not parse"),
    };
  }
  const sign = body.sign as string;
  if (!/^(?:[0-9a-fA-F]{2})+$/.test(sign))
    return {
      ok: false,
      failure: failure(fam, "103005", "sign is not hex (SHA256withRSA, upper-case hex)"),
    };
  const input = tokenValidateSignInput({
    appId: h.appId as string,
    traceId: h.traceId as string,
    timestamp: h.timestamp as string,
    token: body.token as string,
    version: h.interfaceVersion as string,
  });
  let verified = false;
  try {
    verified = createVerify("RSA-SHA256")
      .update(input, "utf8")
      .verify(key, Buffer.from(sign, "hex"));
  } catch {
    verified = false;
  }
  if (!verified) {
    return {
      ok: false,
      failure: failure(
        fam,
        "104013",
        "SHA256withRSA(appId + traceId + timestamp + token + interfaceVersion) does not verify with the registered public key",
      ),
    };
  }
  return { ok: true, app, traceId: h.traceId as string };
}
