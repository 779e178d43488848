/**
 * Shapes of what crosses the wire (number fetch, CT/CU steps, token, tokenValidate). Responses
 * are typed as what a well-behaved gateway sends; the SDK still treats every field as untrusted
 * when it reads them.
 */

import type { Carrier } from "./hosts";

/** Body of `POST /h5/httpsPreGetmobile` (sent as text/plain JSON). */
export interface PreGetMobileRequest {
  version: string;
  timestamp: string;
  appId: string;
  businessType: string;
  traceId: string;
  msgId: string;
  sign: string;
  authPageType: string;
  userInformation: string;
  expandParams: string;
}

/** The pre-fetch fields every request must carry (the ones its sign covers, and the ids). */
export const PRE_GET_MOBILE_REQUIRED = [
  "version",
  "timestamp",
  "appId",
  "businessType",
  "traceId",
  "msgId",
  "sign",
] as const;

/** Every field of the pre-fetch body, in the order the official SDK writes them. */
export const PRE_GET_MOBILE_FIELDS: ReadonlyArray<keyof PreGetMobileRequest> = [
  ...PRE_GET_MOBILE_REQUIRED,
  "authPageType",
  "userInformation",
  "expandParams",
];

/** The number-fetch success fields, shared by the CM pre-fetch body and the CT/CU callbacks. */
export interface NumberFetchResult {
  resultCode: string;
  resultDesc?: string;
  desc?: string;
  accessToken?: string;
  maskPhone?: string;
  authPageUrl?: string;
  /** 1: confirm the masked number; 4: the user completes the hidden digits; 5: no page at all. */
  authLevel?: "1" | "4" | "5";
  appName?: string;
  /** Extra agreement links: name → url. Some gateways send it as a JSON string. */
  customerPrivacyConfig?: Record<string, string> | string;
  /** On CM failures: the subscriber's real carrier; empty when the network cannot tell. */
  msisdnOwner?: Carrier | "";
  msisdnOwnerback?: string;
  ctGetMobileSwitch?: string;
  cuGetMobileSwitch?: string;
  /** Which carrier answered (emulator extension, optional). */
  oper?: Carrier;
}

export interface PreGetMobileResponse {
  header?: { appId?: string; msgId?: string; timestamp?: string };
  body?: NumberFetchResult;
}

/** Body of the CT/CU step 1 (`getNew{Telecom,Unicom}Phonescrip`). */
export interface PhonescripRequest {
  encrypted: string;
  reqdata: string;
  businessType: string;
}

/** Plaintext JSON inside `reqdata`. */
export interface PhonescripReqdata {
  ver: "1.0";
  appId: string;
  interfaceVersion: string;
  expandParams: string;
  msgId: string;
  timestamp: string;
  mobilesystem: "0" | "1" | "3";
  sign: string;
}

export interface PhonescripResponse {
  resultCode: string;
  desc?: string;
  /** On success: the carrier gateway URL to load as JSONP. */
  data?: string;
}

/** What the JSONP global callback receives (step 2). */
export interface CarrierJsonpPayload {
  /** "0" when the carrier identified the subscriber; its failure code otherwise. */
  result: string | number;
  /** On success the opaque value step 3 redeems; a Telecom failure's text. */
  data?: unknown;
  /** A Unicom failure's code (the official SDK reads it from here, not from `result`). */
  code?: string;
  /** A Unicom failure's text. */
  msg?: string;
}

/** Body of the CT/CU step 3 (`CTCallback` / `CUCallback`). */
export interface CarrierCallbackRequest {
  /** The carrier gateway's step-2 answer, as it came. */
  data: unknown;
  ver: "1.0";
  /** CTCallback only: the official SDK's CUCallback body has no such key. */
  userInformation?: string;
}

/** getPageOption's texts and colours for the standard popup, as the gateway answers them. */
export interface PageOption {
  /** The popup's title. */
  pageTitle?: string;
  /** The login button's text. */
  agreeButtonText?: string;
  /** The login button's colour. */
  agreeButtonColour?: string;
  /** The agreement links' colour. */
  agreeTextColour?: string;
  /** The business name shown in the agreement line. */
  configBusinessName?: string;
  /** Image of the ticked agreement checkbox. */
  agreeCheckPic?: string;
  /** A JSON string: an array of custom button configs. */
  customControlsConf?: string;
}

export interface PageOptionResponse {
  resultCode: string;
  data?: { pageOption?: PageOption };
}

/** Body of `POST /h5/onekeylogin/authGetToken`. */
export interface AuthGetTokenRequest {
  accessToken: string;
  /** MD5 (lowercase hex) of the completed number. */
  phone: string;
  userInformation: string;
  expandParams: string;
}

export interface AuthGetTokenResponse {
  resultCode: string;
  desc?: string;
  data?: { token?: string };
}

/** Body of `POST /h5/onekeylogin/tokenValidate` (server to server). */
export interface TokenValidateRequest {
  token: string;
  userInformation: string;
  expandParams?: string;
  /** SHA256withRSA(appId + traceId + timestamp + token + version), upper-case hex. */
  sign: string;
}

/** HTTP headers of `tokenValidate`. */
export interface TokenValidateHeaders {
  interfaceVersion: string;
  appId: string;
  traceId: string;
  timestamp: string;
  businessType: string;
}

export interface TokenValidateResponse {
  resultCode: string;
  desc?: string;
  data?: {
    /** AES-128-ECB/PKCS7, Base64, key = appKey's first 16 chars (0-padded). */
    msisdn?: string;
    securityPhone?: string;
    expandParams?: string;
  };
}
