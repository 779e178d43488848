/**
 * Gateway hosts and paths of the carrier protocol. Shared by the SDK, the server helpers and
 * the emulator, so that the paths are written down exactly once.
 */

export interface GatewayHosts {
  /** Base URL of the CM number pre-fetch (`verify.cmpassport.com`). */
  cm: string;
  /** Base URL of everything under `/h5/onekeylogin/*` (`www.cmpassport.com`). */
  api: string;
}

/** The carriers' production gateways (the default unless `isTest` is "0" or hosts are set). */
export const PRODUCTION_HOSTS: Readonly<GatewayHosts> = /*#__PURE__*/ Object.freeze({
  cm: "https://verify.cmpassport.com",
  api: "https://www.cmpassport.com",
});

/** Used by the original when `data.isTest === "0"`. */
export const TEST_HOSTS: Readonly<GatewayHosts> = /*#__PURE__*/ Object.freeze({
  cm: "https://testcert.cmpassport.com:7009",
  api: "https://testcert.cmpassport.com:7002",
});

export const PATHS = {
  preGetMobile: "/h5/httpsPreGetmobile",
  pageOption: "/h5/onekeylogin/getPageOption",
  ctPhonescrip: "/h5/onekeylogin/getNewTelecomPhonescrip",
  cuPhonescrip: "/h5/onekeylogin/getNewUnicomPhonescrip",
  ctCallback: "/h5/onekeylogin/CTCallback",
  cuCallback: "/h5/onekeylogin/CUCallback",
  authGetToken: "/h5/onekeylogin/authGetToken",
  tokenValidate: "/h5/onekeylogin/tokenValidate",
} as const;

/** A carrier: "CM" China Mobile, "CT" China Telecom, "CU" China Unicom. */
export type Carrier = "CM" | "CT" | "CU";

/** The per-carrier names of the CT/CU steps (phonescrip, callback, JSONP callback). */
export const CROSS_CARRIER = {
  CT: {
    phonescrip: PATHS.ctPhonescrip,
    callback: PATHS.ctCallback,
    jsonpCallback: "getTelecomPhone",
  },
  CU: {
    phonescrip: PATHS.cuPhonescrip,
    callback: PATHS.cuCallback,
    jsonpCallback: "getNewUnicomPhone",
  },
} as const;

/** Joins a configured base (with or without a trailing slash) and a protocol path. */
export function joinUrl(base: string, path: string): string {
  return base.replace(/\/+$/, "") + path;
}
