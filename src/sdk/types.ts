/**
 * The public types of `YDRZAuthLogin`: request data, callbacks, payloads and the option objects
 * of the custom popup and the custom page (the same shapes as China Mobile's H5 SDK). Every field
 * of an option object is optional and untrusted at runtime: values arrive as strings, numbers or
 * booleans (even the misspelt "ture" that integrators copy from the original's manual).
 */

import type { Carrier } from "../protocol/hosts";

export type { Carrier };

// ---------------------------------------------------------------------------------------------
// Request data and callbacks

/**
 * Which view `getTokenInfo` draws: "1" the standard popup (texts from the gateway), "2" the custom
 * popup (`CustomControlsInit`), "3" the custom page (`authPageInit`); "0" (or absent) the
 * standard page. At runtime any other value also gives the standard page.
 */
export type AuthPageType = "0" | "1" | "2" | "3";

/**
 * `data` of `getTokenInfo` and `getToken`. The typed fields are all the SDK reads; at runtime
 * other keys are accepted and ignored (pages written for the original keep working), but the
 * type rejects them so that a misspelt field (`authPagetype`) is a compile error.
 *
 * @example
 * { version: "2.0", appId: "300011", sign, traceId, timestamp, authPageType: "1" }
 */
export interface TokenRequestData {
  /** Interface version: "2.0". Required. */
  version: string;
  /** The application's id from the carrier's console. Required. */
  appId: string;
  /** MD5 request sign computed by the integrator's server (`sign` of ydrz-jssdk/server). */
  sign: string;
  /** Unique per request (a UUID without dashes); sent to the gateway as `msgId` too. Required. */
  traceId: string;
  /** Local time with milliseconds, 17 digits `yyyyMMddHHmmssSSS`. Required. */
  timestamp: string;
  /** Passed through to the gateway unchanged. */
  openType?: string;
  /**
   * Extra parameters as `name=value|name=value` (the emulator reads `sim=<id>` from it).
   * Default "".
   */
  expandParams?: string;
  /** The view to draw. Default: the standard page. */
  authPageType?: AuthPageType;
  /** Business type registered for the app. Default "8". */
  businessType?: string;
  /** "0" selects the carrier's test hosts; anything else (default) the production hosts. */
  isTest?: "0" | "1";
}

/**
 * Duration of the steps of one call in milliseconds, by step name (`CM`, `CT`, `CU`,
 * `pageOption`, `total`, …): only the steps that ran.
 */
export type Timing = Partial<Record<string, number>>;

/** The code that every success carries. */
export type SuccessCode = "103000";

/**
 * Codes the SDK itself produces, never the gateway (docs/errors.md): 500 no answer (network or
 * timeout), 501 cancelled by the user, 502 Telecom/Unicom fetch switched off, 503 a missing
 * parameter or the call ended by `endGetToken`, 505 `authGetTokenByLayer` before the popup, 506
 * the popup failed to load, 507 digits incomplete, 508 agreement not ticked, 509 not in a browser
 * page, 103005 an internal failure, 104018 a call already running, 105001/105003 a carrier not
 * tried because the number belongs to another one.
 */
export type SdkErrorCode =
  | "500"
  | "501"
  | "502"
  | "503"
  | "505"
  | "506"
  | "507"
  | "508"
  | "509"
  | "103005"
  | "104018"
  | "105001"
  | "105003";

/** Codes the China Mobile gateway answers for the number fetch (docs/errors.md). */
export type NumberFetchCode =
  | "130010"
  | "105002"
  | "105112"
  | "105113"
  | "103101"
  | "103134"
  | "110024"
  | "110023"
  | "110025"
  | "110026"
  | "103111"
  | "111002"
  | "103609"
  | "170001"
  | "103211";

/** Codes the gateway answers for the token request (docs/errors.md). */
export type TokenRequestCode =
  | "103002"
  | "104000"
  | "104001"
  | "104003"
  | "104004"
  | "104005"
  | "104006"
  | "104007"
  | "104008"
  | "104009"
  | "104010"
  | "104011"
  | "104012"
  | "104014"
  | "104015"
  | "104016"
  | "104020"
  | "104021";

/**
 * A failure code: one of the documented ones, or (a carrier gateway may answer codes of its own)
 * any other string.
 */
export type ErrorCode = SdkErrorCode | NumberFetchCode | TokenRequestCode | (string & {});

/**
 * What went wrong, stable across versions (new kinds may be added): see docs/errors.md for the
 * code behind each kind. `describeError` gives it for any failure.
 */
export type ErrorKind =
  | "network"
  | "cancelled"
  | "ended"
  | "missing-param"
  | "other-carrier-off"
  | "other-carrier"
  | "layer-not-ready"
  | "layer-failed"
  | "digits-incomplete"
  | "agreement-unticked"
  | "not-browser"
  | "internal"
  | "busy"
  | "not-cellular"
  | "referer-rejected"
  | "origin-rejected"
  | "sign-rejected"
  | "timestamp-rejected"
  | "app-rejected"
  | "not-entitled"
  | "blacklisted"
  | "iot-number"
  | "ip-rejected"
  | "wrong-digits"
  | "locked"
  | "token-rejected"
  | "misconfigured"
  | "carrier-failed"
  | "unknown";

/**
 * Where a failure happens: "request" checking the request data (before or at the gateway),
 * "number" fetching the number, "view" in the authorization view, "token" the token request.
 */
export type ErrorStage = "request" | "number" | "view" | "token";

/**
 * The error taxonomy's fields on a failure payload. The npm module's `YDRZAuthLogin` and
 * `createAuthLogin` add them to every failure (and `getToken`'s `YDRZError` carries them); the
 * `<script>` build's payloads are the original's, without them (its `describeError` is the
 * module's only).
 */
export interface FailureKind {
  /**
   * What went wrong, e.g. "network", "cancelled", "not-cellular" (docs/errors.md).
   *
   * @example
   * error: (res) => { if (res.kind === "cancelled") return; showMessage(res); }
   */
  kind?: ErrorKind;
  /** Where it happened: "request", "number", "view" or "token". */
  stage?: ErrorStage;
  /** Whether the same call, repeated later, can succeed (network, timeout, busy, …). */
  retryable?: boolean;
  /** Whether to offer the page's SMS login instead: one-click login cannot work this time. */
  sms?: boolean;
  /**
   * The carrier whose result decided a `FetchFailure` (China Mobile's, unless its answer named
   * Telecom or Unicom as the number's carrier). Absent where no carrier is known.
   */
  carrier?: Carrier;
}

/** `{code, message}` of one carrier's number fetch in a `FetchFailure`. */
export interface CarrierResult {
  /** The carrier gateway's code, or the SDK's (500 no answer, 502, 105001, 105003). */
  code: ErrorCode;
  /** The gateway's text for it, or the SDK's (Chinese). */
  message: string;
}

/** Final success: a token for the integrator's server, which exchanges it for the number. */
export interface TokenSuccess {
  /** Always "103000". */
  code: SuccessCode;
  /** The gateway's text. */
  message: string;
  /** Single use, valid 2 minutes: send it to the server (`tokenValidate`). */
  token: string;
  /** Pass to the server as it is, together with the token. */
  userInformation: string;
  /** The request's `traceId`. */
  msgId: string;
  /** Durations of the call's steps. */
  timing?: Timing;
}

/** Final success for authLevel "5": no UI; the integrator draws its own, calls `authGetToken`. */
export interface AccessTokenSuccess {
  /** Always "103000". */
  code: SuccessCode;
  /** Always "获取AccessToken成功". */
  message: "获取AccessToken成功";
  /** The request's `traceId`. */
  msgId: string;
  /** Input of `authGetToken`, with the digits the user typed. */
  accessToken: string;
  /** The number with its middle four digits hidden, e.g. "138****0000". */
  maskPhone: string;
  /** The carrier that fetched the number. */
  oper: Carrier;
  /** Durations of the call's steps. */
  timing?: Timing;
}

/** Not final: the custom popup without mask was rendered into its container. */
export interface LayerLoaded {
  /** Always "103000". */
  code: SuccessCode;
  /** Always "弹窗加载成功". */
  message: "弹窗加载成功";
  /** The request's `traceId`. */
  msgId: string;
}

/** `layerCallback`: digits complete and agreement ticked in the custom popup without mask. */
export interface LayerReady {
  /** Always "103000". */
  code: SuccessCode;
  /** Always "用户已输入中间四位号码并勾选协议". */
  message: "用户已输入中间四位号码并勾选协议";
  /** The request's `traceId`. */
  msgId: string;
}

/** What `success` receives; tell them apart with `isTokenSuccess` / `isAccessTokenSuccess`. */
export type SuccessPayload = TokenSuccess | AccessTokenSuccess | LayerLoaded;

/** A failure with a single code (parameters, cancel, end, busy, token request). */
export interface CodeError extends FailureKind {
  /** See docs/errors.md. */
  code: ErrorCode;
  /** The gateway's text, or the SDK's (Chinese). */
  message: string;
  /** The request's `traceId` ("" when the call had none). */
  msgId: string;
  /** For 503 参数缺失: the missing field. */
  field?: string;
  /** Durations of the call's steps. */
  timing?: Timing;
}

/** Every carrier failed to fetch the number: one result per carrier. */
export interface FetchFailure extends FailureKind {
  /** The request's `traceId`. */
  msgId: string;
  /** China Mobile's result. */
  YDData: CarrierResult;
  /** China Telecom's result. */
  CTData: CarrierResult;
  /** China Unicom's result. */
  CUData: CarrierResult;
  /** Durations of the call's steps. */
  timing?: Timing;
}

/** What `error` receives; tell them apart with `isFetchFailure`. */
export type ErrorPayload = CodeError | FetchFailure;

/** The argument of `getTokenInfo`. Exactly one of `success` and `error` is called, once. */
export interface GetTokenInfoOptions {
  /** The request (signed by the integrator's server). */
  data: TokenRequestData;
  /** The token (or the accessToken for authLevel "5", or "弹窗加载成功"). */
  success?: (res: SuccessPayload) => void;
  /** Any failure, including cancel (501) and `endGetToken` (503). */
  error?: (res: ErrorPayload) => void;
  /** Custom popup without mask: digits complete and agreement ticked. */
  layerCallback?: (res: LayerReady) => void;
}

/** `data` of `authGetToken` (authLevel "5": the integrator's own view). */
export interface AuthGetTokenData {
  /** Interface version: "2.0". */
  version: string;
  /** Masked number from the accessToken payload; the SDK's last one is used when absent. */
  maskPhone?: string;
  /** The four hidden digits the user typed. */
  maskVal: string;
  /** The application's id. */
  appId: string;
  /** The `traceId` of the `getTokenInfo` call. */
  traceId: string;
  /** From `AccessTokenSuccess`. */
  accessToken: string;
  /** As in `TokenRequestData`. */
  expandParams?: string;
  /** As in `TokenRequestData`. */
  isTest?: "0" | "1";
  /** As in `TokenRequestData`. */
  authPageType?: AuthPageType;
  /** As in `TokenRequestData`. Default "8". */
  businessType?: string;
}

/** The argument of `authGetToken`. */
export interface AuthGetTokenOptions {
  /** The token request. */
  data: AuthGetTokenData;
  /** The token. */
  success?: (res: TokenSuccess) => void;
  /** The gateway's refusal (e.g. 104012 wrong digits, 104009 locked) or a missing field. */
  error?: (res: CodeError) => void;
}

/** What `getConnection` returns: the network type as the browser reports it. */
export interface Connection {
  /** The `appid` passed in. */
  appid: string;
  /** A fresh random message id. */
  msgid: string;
  /** "unknown" where the browser has no Network Information API (Safari, Firefox). */
  netType: "cellular" | "wifi" | "unknown";
}

/** `config()`: gateway hosts (the emulator), timeout and CSS injection. */
export interface SdkConfig {
  /** Base of the CM pre-fetch, e.g. `http://127.0.0.1:7009`. Default the production host. */
  cmHost?: string;
  /** Base of `/h5/onekeylogin/*`. Default the production host. */
  apiHost?: string;
  /** Per-request timeout in milliseconds. Default 8000. */
  timeout?: number;
  /**
   * Inject the SDK's CSS into `<head>` on first render. Default true; set false when the page
   * links or imports `style.css` itself (a strict CSP without `style-src 'unsafe-inline'`).
   */
  injectCss?: boolean;
  /**
   * The CSP nonce for the one `<style>` the SDK injects: a page whose `style-src` allows
   * `'nonce-…'` (and not `'unsafe-inline'`) applies it. Base64 or URL-safe base64, 1 to 200
   * characters; anything else is ignored (and reported). Set it before the first view is drawn.
   * The `<script>` build reads it from the tag's `data-nonce` too.
   *
   * @example
   * YDRZAuthLogin.config({ nonce: "rAnd0m123" }); // CSP: style-src 'nonce-rAnd0m123'
   */
  nonce?: string;
  /**
   * authPageType "0"/"3": open the gateway's own page (`authPageUrl`) in a full-screen iframe, as
   * the official SDK does, instead of drawing ours (default false). npm module only: the
   * `<script>` build keeps its in-page views.
   */
  hostedPage?: boolean;
}

// ---------------------------------------------------------------------------------------------
// The YDRZAuthLogin object

/** The configuration in effect (what `config()` returns). */
export interface ResolvedConfig {
  /** The configured CM host; absent: the production (or `isTest`) host. */
  cmHost?: string;
  /** The configured API host; absent: the production (or `isTest`) host. */
  apiHost?: string;
  /** Per-request timeout in milliseconds. */
  timeout: number;
  /** Whether the SDK injects its CSS. */
  injectCss: boolean;
  /** The CSP nonce of the injected `<style>`, once a valid one is configured. */
  nonce?: string;
  /** Whether authPageType "0"/"3" open the gateway's own page (npm module only). */
  hostedPage?: boolean;
}

/** The second argument of `getToken`. */
export interface GetTokenOptions {
  /** Aborting does what `endGetToken` does (for this call only). */
  signal?: AbortSignal;
  /** Custom popup without mask: digits complete and agreement ticked. */
  layerCallback?: (res: LayerReady) => void;
}

/** `window.YDRZAuthLogin` of the `<script>` build: the original's methods and `config`. */
export interface ScriptAuthLogin {
  /** The package version, e.g. "0.1.0". */
  readonly version: string;
  /** Fetches the number and draws the view of `data.authPageType`; one final callback. */
  getTokenInfo(options: GetTokenInfoOptions): void;
  /** The network type, synchronously (no request). */
  getConnection(appid: string): Connection;
  /** Ends the running call: its `error` gets 503 获取token结束 and its view closes. */
  endGetToken(): void;
  /** Options of the custom popup (authPageType "2"), drawn into the element of that id. */
  CustomControlsInit(containerId: string, options: CustomPopupOptions): void;
  /** Options of the custom page (authPageType "3"). */
  authPageInit(options: PageOptions): void;
  /** Custom popup without mask: submits the digits typed into the popup for the token. */
  authGetTokenByLayer(
    success?:
      | ((res: TokenSuccess) => void)
      | { success?: (res: TokenSuccess) => void; error?: (res: CodeError) => void },
    error?: (res: CodeError) => void,
  ): void;
  /** The token for an accessToken (authLevel "5") and the digits the user typed. */
  authGetToken(options: AuthGetTokenOptions): void;
  /** Sets gateway hosts, timeout, CSS injection; returns the resulting configuration. */
  config(patch?: SdkConfig): ResolvedConfig;
}

/** `YDRZAuthLogin` of the npm module: the script build's methods and the promise form. */
export interface AuthLogin extends ScriptAuthLogin {
  /**
   * Promise form of `getTokenInfo`: resolves with the first success payload (for the custom popup
   * without mask that is "弹窗加载成功"; the token then comes through `authGetTokenByLayer`),
   * rejects with a `YDRZError`.
   */
  getToken(data: TokenRequestData, options?: GetTokenOptions): Promise<SuccessPayload>;
}

// ---------------------------------------------------------------------------------------------
// Option values: what integrators actually pass

/** "20px", "50%", "1.5rem", a bare number (px), or "" / undefined for the default. */
export type Length = string | number;
/** Like `Length`, plus "center" for horizontal centring (`left`). */
export type Position = Length;
/** "#FFF", "#FFFFFF", "#FFFFFFFF", "rgb(...)", a named colour. */
export type Color = string;
/** `true`, `"true"` and the original manual's misspelt `"ture"` are true; the rest false. */
export type Flag = boolean | "true" | "false" | "ture";

export interface AgreementLink {
  name: string;
  url: string;
}

/** A box placed in the view: `high` from the top, `left` from the left ("center" centres). */
export interface Placed {
  high?: Position;
  left?: Position;
}

export interface TextStyle {
  fontSize?: Length;
  fontColor?: Color;
  fontFamily?: string;
  fontWeight?: string | number;
  textAlign?: "left" | "center" | "right" | (string & {});
}

/** The custom control: a link-button to the integrator's fallback (e.g. SMS login). */
export interface CustomControlStyle extends Placed, TextStyle {
  ifShow?: Flag;
  width?: Length;
  height?: Length;
  bgColor?: Color;
  /** "1px solid #FFFFFF". */
  border?: string;
  borderRadius?: Length;
  url?: string;
  name?: string;
  textDecoration?: "none" | "underline" | (string & {});
  /** H5 form of the mobile SDKs' custom-control events: called on click (before navigating). */
  onClick?: (event: MouseEvent) => void;
}

/** §3.5.3: the custom popup (authPageType "2"). */
export interface CustomPopupOptions {
  layerStyle?: { width?: Length; height?: Length; bgColor?: Color; borderRadius?: Length };
  maskStyle?: { ifShowMask?: Flag; bgColor?: Color; opacity?: number | string };
  phoneStyle?: Placed & { fontSize?: Length; fontColor?: Color };
  agreeStyle?: Placed & {
    fontSize?: Length;
    /** The doc spells it both ways. */
    textAlign?: string;
    textalign?: string;
    fontColor?: Color;
    hrefColor?: Color;
    agreeArr?: AgreementLink[];
  };
  closeBtnStyle?: {
    ifShowBtn?: Flag;
    btnImage?: string;
    top?: Length;
    right?: Length;
    width?: Length;
    height?: Length;
  };
  customControlStyle?: CustomControlStyle;
  /** Only for authLevel "1". */
  submitBtnStyle?: Placed &
    TextStyle & {
      name?: string;
      bgColor?: Color;
      width?: Length;
      height?: Length;
      borderRadius?: Length;
    };
}

/** §3.6.2: the custom page (authPageType "3"). rem values are relative to a 12px root. */
export interface PageOptions {
  bgColor?: Color;
  titleStyle?: Placed & TextStyle & { name?: string; width?: Length; height?: Length };
  logoStyle?: Placed & { url?: string; width?: Length; height?: Length };
  authTextStyle?: Placed & TextStyle & { appNameColor?: Color; width?: Length };
  phoneNumStyle?: Placed &
    TextStyle & {
      bgColor?: Color;
      width?: Length;
      inputStyle?: { width?: Length; height?: Length };
    };
  tipStyle?: Placed & TextStyle & { text?: string };
  agreeStyle?: Placed &
    TextStyle & {
      checkedButton?: {
        width?: Length;
        height?: Length;
        url?: string;
        uncheckColor?: Color;
        checkedColor?: Color;
        uncheckUrl?: string;
        checkedUrl?: string;
      };
      hrefStyle?: {
        fontFamily?: string;
        fontSize?: Length;
        fontColor?: Color;
        agreeArr?: AgreementLink[];
      };
    };
  returnBtnStyle?: Placed & { width?: Length; height?: Length; url?: string };
  customControlStyle?: CustomControlStyle;
  submitBtnStyle?: Placed &
    TextStyle & {
      name?: string;
      bgColor?: Color;
      width?: Length;
      height?: Length;
      borderRadius?: Length;
    };
}
