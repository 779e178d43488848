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

/** The callbacks of `authGetTokenByLayer` as one object. */
export interface LayerCallbacks {
  /** The token. */
  success?: (res: TokenSuccess) => void;
  /** The refusal or the token request's failure. */
  error?: (res: CodeError) => void;
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
  /**
   * Custom popup without mask: submits the digits typed into the popup for the token. Takes the
   * callbacks as two functions or as one object. 505 before the popup is up, 507 digits
   * incomplete, 508 agreement not ticked; on 104012 (wrong digits) the popup stays for a retry.
   *
   * @example
   * YDRZAuthLogin.authGetTokenByLayer({ success: (res) => send(res.token), error: showError });
   */
  authGetTokenByLayer(
    success?: ((res: TokenSuccess) => void) | LayerCallbacks,
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

/**
 * A length: "20px", "50%", "1.5rem" or "1.5em" (both count 12 px, the original page's root
 * size), "10vw", "10vh", or a bare number or numeric string (px). "" or undefined gives the
 * default; an invalid value gives the default with a console warning naming the field.
 *
 * @example
 * { width: "80%", height: 240, borderRadius: "0.5rem" }
 */
export type Length = string | number;
/** Like `Length` (negative values allowed), plus "center" for horizontal centring (`left`). */
export type Position = Length;
/**
 * A colour as the browser accepts it: "#FFF", "#FFFFFF", "#FFFFFFFF", "rgb(…)", "rgba(…)",
 * "hsl(…)" or a named colour. Anything else gives the default.
 */
export type Color = string;
/** `true`, `"true"` and the original manual's misspelt `"ture"` are true; the rest false. */
export type Flag = boolean | "true" | "false" | "ture";

/** One agreement link of `agreeArr`, shown after the carrier's own agreement (at most 10). */
export interface AgreementLink {
  /**
   * The text shown, usually in book-title marks.
   *
   * @example
   * "《用户协议》"
   */
  name: string;
  /** Where it opens: an http(s) or relative URL; any other scheme shows the name as plain text. */
  url: string;
}

/**
 * A box placed in the view. With `high` it is taken out of the flow and placed that far from the
 * top of its view; without, it stays in the flow, and `left` is a left margin ("center", the
 * default, centres it).
 */
export interface Placed {
  /** Distance from the top of the view (`Length`, negative allowed). Default: in the flow. */
  high?: Position;
  /** Distance from the left (`Length`, negative allowed), or "center". Default "center". */
  left?: Position;
}

/** The text fields of an option group. */
export interface TextStyle {
  /** Font size: px or rem/em (12 px) or vw/vh, within 8–96 px (2–20 vw/vh); no percentages. */
  fontSize?: Length;
  /** Text colour. */
  fontColor?: Color;
  /** Family names without quotes, e.g. "PingFang SC, sans-serif". Default: the system font. */
  fontFamily?: string;
  /** "normal", "bold", "bolder", "lighter" or 100…900. */
  fontWeight?: string | number;
  /** "left", "center", "right", "justify", "start" or "end". */
  textAlign?: "left" | "center" | "right" | (string & {});
}

/** Width, height and corner radius of a box. */
export interface Sized {
  /** Width (`Length`, % of the view). */
  width?: Length;
  /** Height (`Length`). */
  height?: Length;
}

/** A button with text: the submit button of the custom popup and of the custom page. */
export interface ButtonStyle extends Placed, TextStyle, Sized {
  /** The button's text. Default "本机号码登录" (page) or "确认授权登录" (popup). */
  name?: string;
  /** Background colour. Default "#1B82EB". */
  bgColor?: Color;
  /** Corner radius (`Length`). Default half the height (22 px page, 20 px popup). */
  borderRadius?: Length;
}

/**
 * The custom control: a link-button to the integrator's fallback (e.g. SMS login), shown only
 * with `ifShow`. Default text "其他登录方式", 14 px, colour "#1B82EB".
 *
 * @example
 * { ifShow: true, name: "短信验证码登录", url: "/login/sms", textDecoration: "underline" }
 */
export interface CustomControlStyle extends Placed, TextStyle, Sized {
  /** Show the control. Default false (not shown). */
  ifShow?: Flag;
  /** Background colour. Default none. */
  bgColor?: Color;
  /** A CSS border, e.g. "1px solid #FFFFFF" (rem counts 12 px), 0 or "none". */
  border?: string;
  /** Corner radius (`Length`). */
  borderRadius?: Length;
  /** Where it leads (http(s) or relative); without one it is a button for `onClick` only. */
  url?: string;
  /** Its text. Default "其他登录方式". */
  name?: string;
  /** "none", "underline", "overline" or "line-through". */
  textDecoration?: "none" | "underline" | (string & {});
  /**
   * Called on click, before navigating to `url`; `event.preventDefault()` keeps the page (a SPA
   * route instead). The running call is not ended by it.
   */
  onClick?: (event: MouseEvent) => void;
}

/** `layerStyle` of the custom popup: the popup's box. */
export interface LayerStyle extends Sized {
  /** Background colour. Default "#fff". */
  bgColor?: Color;
  /** Corner radius (`Length`). Default 8 px. */
  borderRadius?: Length;
}

/** `maskStyle` of the custom popup: the page-covering mask and whether there is one. */
export interface MaskStyle {
  /**
   * With a mask the popup floats over the page as a modal dialog and submits as soon as the
   * digits are complete and the agreement ticked; without (default false) it is drawn inside the
   * container and waits for `authGetTokenByLayer`.
   */
  ifShowMask?: Flag;
  /** Mask colour. Default "#000". */
  bgColor?: Color;
  /** Mask opacity from 0 to 1, number or string. Default 0.6. */
  opacity?: number | string;
}

/** `phoneStyle` of the custom popup: the masked number and its digit cells. */
export interface PopupPhoneStyle extends Placed {
  /** Font size of the number; the digit cells are sized from it. Default 22 px. */
  fontSize?: Length;
  /** Colour of the number. */
  fontColor?: Color;
}

/** `agreeStyle` of the custom popup: the agreement line. */
export interface PopupAgreeStyle extends Placed {
  /** Font size of the line (`TextStyle.fontSize`). */
  fontSize?: Length;
  /** "left", "center" or "right" (the original's manual spells it both ways). */
  textAlign?: string;
  /** Same as `textAlign`. */
  textalign?: string;
  /** Colour of the text. */
  fontColor?: Color;
  /** Colour of the agreement links. */
  hrefColor?: Color;
  /** The integrator's agreements, after the carrier's own (at most 10). */
  agreeArr?: AgreementLink[];
}

/** `closeBtnStyle` of the custom popup: the close button (a 44 px hit area around the icon). */
export interface CloseButtonStyle extends Sized {
  /** Show it. Default true. */
  ifShowBtn?: Flag;
  /** An image URL (http(s), relative or a raster data: URL) instead of the built-in cross. */
  btnImage?: string;
  /** From the layer's top (`Length`, negative: over the edge). Default 12 px. */
  top?: Length;
  /** From the layer's right (`Length`, negative: over the edge). Default 12 px. */
  right?: Length;
}

/**
 * Options of `CustomControlsInit(containerId, options)`: the custom popup (authPageType "2").
 * Every group and field is optional; the defaults are the original's look.
 *
 * @example
 * YDRZAuthLogin.CustomControlsInit("ydrzCustomControls", {
 *   layerStyle: { width: "80%", height: 240 },
 *   maskStyle: { ifShowMask: "true", opacity: 0.6 },
 *   agreeStyle: { agreeArr: [{ name: "《用户协议》", url: "https://example.com/terms" }] },
 * });
 */
export interface CustomPopupOptions {
  /** The popup's box. Default 80 % wide, 240 px high, white, 8 px corners. */
  layerStyle?: LayerStyle;
  /** Mask or no mask, and the mask's look. */
  maskStyle?: MaskStyle;
  /** The masked number. */
  phoneStyle?: PopupPhoneStyle;
  /** The agreement line. */
  agreeStyle?: PopupAgreeStyle;
  /** The close button. */
  closeBtnStyle?: CloseButtonStyle;
  /** The link-button to the integrator's fallback (shown with `ifShow`). */
  customControlStyle?: CustomControlStyle;
  /**
   * The confirm button, drawn only for authLevel "1" (number shown in full, nothing to type).
   * Default "#1B82EB", 80 % × 40 px, 16 px white text.
   */
  submitBtnStyle?: ButtonStyle;
}

/** `titleStyle` of the custom page: the title line. */
export interface PageTitleStyle extends Placed, TextStyle, Sized {
  /** The title; "" draws none. Default "本机号码登录". */
  name?: string;
}

/** `logoStyle` of the custom page: the logo image. */
export interface PageLogoStyle extends Placed, Sized {
  /** Image URL (http(s), relative or a raster data: URL). Default: a built-in phone mark. */
  url?: string;
}

/** `authTextStyle` of the custom page: "{app name}申请使用您的本机号码登录". */
export interface PageAuthTextStyle extends Placed, TextStyle {
  /** Colour of the app name. Default "#444". */
  appNameColor?: Color;
  /** Width (`Length`). Default 100 %. */
  width?: Length;
}

/** `phoneNumStyle` of the custom page: the masked number and its digit cells. */
export interface PagePhoneStyle extends Placed, TextStyle {
  /** Background colour. Default "#fff". */
  bgColor?: Color;
  /** Width (`Length`). Default 185.04 px. */
  width?: Length;
  /** Size of each digit cell. Default 21.96 × 26.04 px. */
  inputStyle?: Sized;
}

/** `tipStyle` of the custom page: the line naming the carrier's service. */
export interface PageTipStyle extends Placed, TextStyle {
  /** Its text. Default "认证服务由中国移动提供" (or 中国电信, 中国联通). */
  text?: string;
}

/** `agreeStyle.checkedButton` of the custom page: the agreement checkbox. */
export interface CheckboxStyle extends Sized {
  /** Image when ticked (read after `checkedUrl`). */
  url?: string;
  /** Colour of the box when not ticked. Default "#cccccc". */
  uncheckColor?: Color;
  /** Colour of the box when ticked. Default "#1E82EB". */
  checkedColor?: Color;
  /** Image when not ticked. */
  uncheckUrl?: string;
  /** Image when ticked (before `url`). */
  checkedUrl?: string;
}

/** `agreeStyle.hrefStyle` of the custom page: the agreement links. */
export interface AgreementLinkStyle {
  /** Family names without quotes. */
  fontFamily?: string;
  /** Font size (`TextStyle.fontSize`). */
  fontSize?: Length;
  /** Link colour. Default "#1E82EB". */
  fontColor?: Color;
  /** The integrator's agreements, after the carrier's own (at most 10). */
  agreeArr?: AgreementLink[];
}

/** `agreeStyle` of the custom page: the agreement line. */
export interface PageAgreeStyle extends Placed, TextStyle {
  /** The checkbox (15.96 px square by default). */
  checkedButton?: CheckboxStyle;
  /** The links. */
  hrefStyle?: AgreementLinkStyle;
}

/** `returnBtnStyle` of the custom page: the back button (cancels with 501). */
export interface ReturnButtonStyle extends Placed, Sized {
  /** Image URL instead of the built-in arrow (a 44 px hit area is centred on it). */
  url?: string;
}

/**
 * Options of `authPageInit(options)`: the custom page (authPageType "3"). Every group and field
 * is optional; the defaults are the original page's look in px (its rem counted 12 px).
 *
 * @example
 * YDRZAuthLogin.authPageInit({
 *   bgColor: "#F5F5F5",
 *   titleStyle: { name: "登录", fontSize: 16, high: 12 },
 *   submitBtnStyle: { bgColor: "#E60012", high: "60%" },
 * });
 */
export interface PageOptions {
  /** Background of the whole page. Default "#fff". */
  bgColor?: Color;
  /** The title line (default 15.96 px, "#444", 12 px from the top). */
  titleStyle?: PageTitleStyle;
  /** The logo (default 83.52 × 87.84 px, 94.8 px from the top). */
  logoStyle?: PageLogoStyle;
  /** The line with the app name (default 12.96 px, 273 px from the top). */
  authTextStyle?: PageAuthTextStyle;
  /** The number (default 24.96 px, weight 600, 234.96 px from the top). */
  phoneNumStyle?: PagePhoneStyle;
  /** The carrier's service line (default 11.04 px, "#999", 324 px from the top). */
  tipStyle?: PageTipStyle;
  /** The agreement line (default 12 px, "#999", 366.96 px from the top). */
  agreeStyle?: PageAgreeStyle;
  /** The back button (default 7.8 × 13.2 px, 12 px from the top and the left). */
  returnBtnStyle?: ReturnButtonStyle;
  /** The link-button to the integrator's fallback (shown with `ifShow`). */
  customControlStyle?: CustomControlStyle;
  /**
   * The login button (default "#1B82EB", 85 % × 44 px, 22 px corners, 16 px white text, near the
   * bottom unless `high` is given).
   */
  submitBtnStyle?: ButtonStyle;
}
