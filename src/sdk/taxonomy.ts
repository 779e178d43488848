/**
 * The error taxonomy (npm module only: the `<script>` build's payloads stay the original's, and
 * these tables stay out of its bytes). Every documented code maps to a stable `kind`, the stage
 * where it happens, whether a retry can help, whether to hand the user over to SMS login, and
 * short Chinese and English texts. `describeError` reads any failure payload (or `YDRZError`).
 */

import type { Carrier } from "../protocol/hosts";
import type { Callbacks } from "./session";
import type {
  CarrierResult,
  ErrorKind,
  ErrorPayload,
  ErrorStage,
  FailureKind,
  FetchFailure,
} from "./types";

export type { ErrorKind, ErrorStage };

/** One row of a code table. */
export interface CodeInfo {
  /** The code as payloads carry it. */
  readonly code: string;
  /** Who produces it: the SDK itself, or a carrier gateway. */
  readonly origin: "sdk" | "gateway";
  /** What went wrong (several codes share a kind). */
  readonly kind: ErrorKind;
  /** Where it happens: the request check, the number fetch, the view or the token request. */
  readonly stage: ErrorStage;
  /** Whether the same call, repeated later, can succeed. */
  readonly retryable: boolean;
  /** Whether to offer the page's SMS login instead (one-click login cannot work this time). */
  readonly sms: boolean;
  /** Short Chinese text for logs or the user. */
  readonly zh: string;
  /** Short English text for logs. */
  readonly en: string;
}

type Row = [ErrorKind, ErrorStage, boolean, boolean, string, string];

function table(origin: CodeInfo["origin"], rows: Record<string, Row>): Record<string, CodeInfo> {
  const out: Record<string, CodeInfo> = {};
  for (const [code, [kind, stage, retryable, sms, zh, en]] of Object.entries(rows)) {
    out[code] = Object.freeze({ code, origin, kind, stage, retryable, sms, zh, en });
  }
  return Object.freeze(out);
}

/** The codes the SDK produces itself (never a gateway). 503 is `missing-param` or `ended`. */
export const SDK_CODES: Readonly<Record<string, CodeInfo>> = /*#__PURE__*/ table("sdk", {
  "500": ["network", "number", true, true, "网络异常", "no answer (network or timeout)"],
  "501": ["cancelled", "view", false, true, "用户取消授权", "cancelled by the user"],
  "502": ["other-carrier-off", "number", false, true, "电信/联通取号能力关闭", "CT/CU fetch off"],
  "503": ["missing-param", "request", false, false, "参数缺失", "a required field is missing"],
  "505": ["layer-not-ready", "view", false, false, "未初始化弹窗配置项", "popup not initialised"],
  "506": ["layer-failed", "view", true, true, "弹窗加载失败", "the popup failed to load"],
  "507": ["digits-incomplete", "view", true, false, "未补齐4位号码", "digits incomplete"],
  "508": ["agreement-unticked", "view", true, false, "未勾选协议", "agreement not ticked"],
  "509": ["not-browser", "request", false, false, "非浏览器环境", "not in a browser page"],
  "103005": ["internal", "number", true, true, "内部错误", "internal failure"],
  "104018": ["busy", "request", true, false, "正在处理", "another call is running"],
  "105001": ["other-carrier", "number", false, false, "非联通号码", "not a Unicom number"],
  "105003": ["other-carrier", "number", false, false, "非电信号码", "not a Telecom number"],
});

/** China Mobile's number-fetch codes. */
export const NUMBER_FETCH_CODES: Readonly<Record<string, CodeInfo>> = /*#__PURE__*/ table(
  "gateway",
  {
    "130010": ["missing-param", "request", false, false, "参数为空", "a parameter is empty"],
    "105002": ["not-cellular", "number", true, true, "移动网关取号失败", "number fetch failed"],
    "105112": ["timestamp-rejected", "request", true, false, "时间戳非法", "timestamp rejected"],
    "105113": ["app-rejected", "request", false, true, "APPID 非法或为空", "appId rejected"],
    "103101": ["sign-rejected", "request", false, true, "错误的请求签名", "sign rejected"],
    "103134": ["not-cellular", "number", false, true, "WAP 取号为空", "not on the cellular net"],
    "110024": ["app-rejected", "request", false, true, "businessType 配置错误", "bad businessType"],
    "110023": ["not-entitled", "request", false, true, "应用没有权益", "app not entitled"],
    "110025": ["not-entitled", "request", false, true, "权益已失效", "entitlement expired"],
    "110026": ["origin-rejected", "request", false, true, "Origin 校验失败", "origin rejected"],
    "103111": ["ip-rejected", "number", false, true, "WAP 网关 IP 错误", "gateway IP rejected"],
    "111002": ["blacklisted", "number", false, true, "黑名单号码用户", "number blacklisted"],
    "103609": ["iot-number", "number", false, true, "物联网 IP 不允许取号", "IoT number"],
    "170001": ["referer-rejected", "request", false, true, "referer 校验失败", "referer rejected"],
    "103211": ["unknown", "number", true, true, "其他错误", "other error"],
  },
);

/** The gateway's token-request codes. */
export const TOKEN_REQUEST_CODES: Readonly<Record<string, CodeInfo>> = /*#__PURE__*/ table(
  "gateway",
  {
    "103002": ["missing-param", "token", false, false, "没有填写必传参数", "a field is missing"],
    "104000": ["app-rejected", "token", false, true, "app 不存在", "unknown app"],
    "104001": ["app-rejected", "token", false, true, "businessType 校验失败", "bad businessType"],
    "104003": ["not-entitled", "token", false, true, "应用没有权益", "app not entitled"],
    "104004": ["not-entitled", "token", false, true, "权益已失效", "entitlement expired"],
    "104005": ["referer-rejected", "token", false, true, "referer 校验失败", "referer rejected"],
    "104006": ["origin-rejected", "token", false, true, "origin 校验失败", "origin rejected"],
    "104007": ["token-rejected", "token", false, true, "accessToken 不存在", "unknown accessToken"],
    "104008": ["token-rejected", "token", false, true, "accessToken 校验失败", "bad accessToken"],
    "104009": ["locked", "token", false, true, "超过失败次数限制", "locked after wrong digits"],
    "104010": ["misconfigured", "token", false, true, "配置错误", "configuration error"],
    "104011": ["missing-param", "token", false, false, "手机号不能为空", "number missing"],
    "104012": ["wrong-digits", "token", true, false, "本机号码校验失败", "wrong digits"],
    "104014": ["app-rejected", "token", false, true, "businessType 校验失败", "bad businessType"],
    "104015": ["misconfigured", "token", false, true, "运管配置错误", "configuration error"],
    "104016": ["misconfigured", "token", false, true, "开放配置错误", "configuration error"],
    "104020": ["carrier-failed", "number", true, true, "电信取号异常", "Telecom fetch failed"],
    "104021": ["carrier-failed", "number", true, true, "联通取号异常", "Unicom fetch failed"],
  },
);

/** What `describeError` says about one failure. */
export interface ErrorInfo extends CodeInfo {
  /** The carrier whose result decided it (a `FetchFailure`), or undefined. */
  readonly carrier: Carrier | undefined;
}

/** A code not in the tables (a carrier gateway's own). */
function unknownCode(code: string): CodeInfo {
  const zh = "未知错误";
  return {
    code,
    origin: "gateway",
    kind: "unknown",
    stage: "number",
    retryable: false,
    sms: true,
    zh,
    en: "unknown code",
  };
}

/** The row of a code, from the SDK's table first (501 and 104018 are in both). */
export function codeInfo(code: string): CodeInfo {
  return (
    SDK_CODES[code] || NUMBER_FETCH_CODES[code] || TOKEN_REQUEST_CODES[code] || unknownCode(code)
  );
}

/** 503 as `endGetToken` (or an aborted `getToken`) ends a call: told apart by its message. */
const ENDED: CodeInfo = {
  code: "503",
  origin: "sdk",
  kind: "ended",
  stage: "request",
  retryable: false,
  sms: false,
  zh: "获取token结束",
  en: "ended by endGetToken or abort",
};

function isFetchFailurePayload(payload: ErrorPayload): payload is FetchFailure {
  return typeof (payload as FetchFailure).YDData === "object";
}

const skipped = (result: CarrierResult | undefined): boolean =>
  Boolean(result) && codeInfo(String(result!.code)).kind === "other-carrier";

/**
 * The carrier whose result explains a `FetchFailure`: when China Mobile's answer named Telecom
 * (Unicom) as the number's carrier, Unicom (Telecom) was skipped and Telecom's (Unicom's) result
 * tells why; otherwise China Mobile's.
 */
export function decidingCarrier(failure: FetchFailure): [Carrier, CarrierResult] {
  const ct = skipped(failure.CTData);
  const cu = skipped(failure.CUData);
  if (cu && !ct) return ["CT", failure.CTData];
  if (ct && !cu) return ["CU", failure.CUData];
  return ["CM", failure.YDData];
}

/**
 * Kind, stage, retry and SMS advice and texts of a failure payload (or a `YDRZError`, whose
 * fields are the payload's).
 *
 * @example
 * error: (res) => { if (describeError(res).sms) showSmsLogin(); }
 */
export function describeError(payload: ErrorPayload): ErrorInfo {
  if (isFetchFailurePayload(payload)) {
    const [carrier, result] = decidingCarrier(payload);
    return { ...codeInfo(String(result.code)), carrier };
  }
  const { code, message } = payload;
  if (code === "503" && message === ENDED.zh) return { ...ENDED, carrier: undefined };
  return { ...codeInfo(String(code)), carrier: undefined };
}

/** Whether repeating the call later can succeed (network, timeout, busy, wrong digits, …). */
export function isRetryable(payload: ErrorPayload): boolean {
  return describeError(payload).retryable;
}

/**
 * The payload with the taxonomy's fields added (`kind`, `stage`, `retryable`, `sms`, and
 * `carrier` where one decided it); the official fields stay as they are. The npm module passes
 * every failure through it; the `<script>` build never imports this module.
 */
export function withFailureKind<T extends ErrorPayload>(payload: T): T & FailureKind {
  const { kind, stage, retryable, sms, carrier } = describeError(payload);
  const fields: FailureKind = { kind, stage, retryable, sms };
  if (carrier) fields.carrier = carrier;
  return { ...payload, ...fields };
}

/**
 * The npm module's `failureSink` (api.ts): the integrator's callbacks, each failure payload
 * given its kind on the way. Both callbacks are still read when the outcome comes, as the
 * original reads them.
 */
export function withFailureKinds(callbacks: Callbacks): Callbacks {
  return {
    get success() {
      return callbacks.success;
    },
    get error() {
      const error = callbacks.error;
      if (typeof error !== "function") return error;
      return (payload: ErrorPayload): unknown =>
        (error as (res: ErrorPayload) => unknown)(withFailureKind(payload));
    },
  };
}
