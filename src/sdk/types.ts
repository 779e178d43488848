/**
 * The public types of `YDRZAuthLogin`: request data, callbacks, payloads and the option objects
 * of the custom popup and the custom page (China Mobile's H5 SDK manual §3.5.3 and §3.6.2). Every
 * field of an option object is optional and untrusted: values arrive as strings, numbers or
 * booleans (even the doc's "ture").
 */

import type { Carrier } from "../protocol/hosts";

export type { Carrier };

// ---------------------------------------------------------------------------------------------
// Request data and callbacks

/** `authPageType`: "1" standard popup, "2" custom popup, "3" custom page, other: standard page. */
export type AuthPageType = "0" | "1" | "2" | "3" | (string & {});

export interface TokenRequestData {
  /** Interface version, "2.0". Required. */
  version: string;
  /** Required. */
  appId: string;
  /** MD5 request sign computed by the integrator's server. Required. */
  sign: string;
  /** Unique per request; also sent as `msgId`. Required. */
  traceId: string;
  /** 17 digits, `yyyyMMddHHmmssSSS`. Required. */
  timestamp: string;
  openType?: string;
  /** `name=value|name=value`. */
  expandParams?: string;
  authPageType?: AuthPageType;
  /** Default "8". */
  businessType?: string;
  /** "0" selects the carrier's test hosts. */
  isTest?: string;
  /** Unknown fields (integrators send `devInfo`, `setReturn`) are accepted and ignored. */
  [extra: string]: unknown;
}

/** Timing of the steps of one call, in ms (only where cheap to measure). */
export interface Timing {
  [step: string]: number;
}

/** `{code, message}` of one carrier's number fetch. */
export interface CarrierResult {
  code: string;
  message: string;
}

/** Final success: a token for the integrator's server. */
export interface TokenSuccess {
  code: "103000";
  message: string;
  token: string;
  userInformation: string;
  msgId: string;
  timing?: Timing;
}

/** Final success for authLevel "5": no UI; the integrator draws its own, calls `authGetToken`. */
export interface AccessTokenSuccess {
  code: "103000";
  message: "获取AccessToken成功";
  msgId: string;
  accessToken: string;
  maskPhone: string;
  oper: Carrier;
  timing?: Timing;
}

/** Not final: the custom popup without mask was rendered into its container. */
export interface LayerLoaded {
  code: "103000";
  message: "弹窗加载成功";
  msgId: string;
}

/** `layerCallback`: digits complete and agreement ticked in the custom popup without mask. */
export interface LayerReady {
  code: "103000";
  message: "用户已输入中间四位号码并勾选协议";
  msgId: string;
}

export type SuccessPayload = TokenSuccess | AccessTokenSuccess | LayerLoaded;

/** A failure with a single code (parameters, cancel, end, busy, token request). */
export interface CodeError {
  code: string;
  message: string;
  msgId: string;
  /** For 503 参数缺失: the missing field. */
  field?: string;
  timing?: Timing;
}

/** Every carrier failed to fetch the number. */
export interface FetchFailure {
  msgId: string;
  YDData: CarrierResult;
  CTData: CarrierResult;
  CUData: CarrierResult;
  timing?: Timing;
}

export type ErrorPayload = CodeError | FetchFailure;

export interface GetTokenInfoOptions {
  data: TokenRequestData;
  success?: (res: SuccessPayload) => void;
  error?: (res: ErrorPayload) => void;
  /** Custom popup without mask: digits complete and agreement ticked. */
  layerCallback?: (res: LayerReady) => void;
}

export interface AuthGetTokenData {
  version: string;
  /** Masked number from the accessToken payload; the SDK's last one is used when absent. */
  maskPhone?: string;
  /** The hidden digits the user typed. */
  maskVal: string;
  appId: string;
  traceId: string;
  accessToken: string;
  expandParams?: string;
  isTest?: string;
  authPageType?: AuthPageType;
  businessType?: string;
  [extra: string]: unknown;
}

export interface AuthGetTokenOptions {
  data: AuthGetTokenData;
  success?: (res: TokenSuccess) => void;
  error?: (res: CodeError) => void;
}

export interface Connection {
  appid: string;
  msgid: string;
  netType: "cellular" | "wifi" | "unknown";
}

/** Non-production gateway settings (the emulator). */
export interface SdkConfig {
  /** Base of the CM pre-fetch, e.g. `http://127.0.0.1:7009`. */
  cmHost?: string;
  /** Base of `/h5/onekeylogin/*`. */
  apiHost?: string;
  /** Per-request timeout in ms (default 8000). */
  timeout?: number;
  /** Inject the SDK's CSS on first render (default true). Off when `style.css` is linked. */
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
  cmHost?: string;
  apiHost?: string;
  timeout: number;
  injectCss: boolean;
  hostedPage?: boolean;
}

export interface GetTokenOptions {
  /** Aborting does what `endGetToken` does (for this call only). */
  signal?: AbortSignal;
  layerCallback?: (res: LayerReady) => void;
}

/** `window.YDRZAuthLogin` of the `<script>` build: the original's methods and `config`. */
export interface ScriptAuthLogin {
  readonly version: string;
  getTokenInfo(options: GetTokenInfoOptions): void;
  getConnection(appid: string): Connection;
  endGetToken(): void;
  CustomControlsInit(containerId: string, options: CustomPopupOptions): void;
  authPageInit(options: PageOptions): void;
  authGetTokenByLayer(
    success?:
      | ((res: TokenSuccess) => void)
      | { success?: (res: TokenSuccess) => void; error?: (res: CodeError) => void },
    error?: (res: CodeError) => void,
  ): void;
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
/** `true`, `"true"` and the doc's own `"ture"` are true. */
export type Flag = boolean | "true" | "false" | "ture" | (string & {});

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
