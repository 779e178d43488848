/**
 * The strings that the protocol's signatures are computed over. Hashing is left to the caller
 * (crypto-js in the browser, node:crypto on the server) so this module runs everywhere.
 */

export interface RequestSignFields {
  appId: string;
  businessType: string;
  /** Must equal `traceId`. */
  msgId: string;
  timestamp: string;
  traceId: string;
  version: string;
}

/**
 * `getTokenInfo` sign: MD5(appId + businessType + msgId + timestamp + traceId + version + appKey).
 */
export function requestSignInput(f: RequestSignFields, appKey: string): string {
  return f.appId + f.businessType + f.msgId + f.timestamp + f.traceId + f.version + appKey;
}

/** What the inner sign of the CT/CU `reqdata` covers. */
export interface CrossCarrierSignFields {
  /** The app's id, as in the `appId` header. */
  appId: string;
  /** The `interfaceVersion` of the request. */
  version: string;
  /** The message id of the request. */
  msgId: string;
  /** The 17-digit `yyyyMMddHHmmssSSS` request time. */
  timestamp: string;
}

/** Inner sign of the CT/CU `reqdata`: MD5(appId + version + msgId + timestamp), no secret. */
export function crossCarrierSignInput(f: CrossCarrierSignFields): string {
  return f.appId + f.version + f.msgId + f.timestamp;
}

/** What the `tokenValidate` sign covers. */
export interface TokenValidateSignFields {
  /** The app's id. */
  appId: string;
  /** The id of this server-to-server request. */
  traceId: string;
  /** The 17-digit `yyyyMMddHHmmssSSS` request time. */
  timestamp: string;
  /** The token the integrator's server received from the page. */
  token: string;
  /** The `interfaceVersion` header. */
  version: string;
}

/**
 * `tokenValidate` sign: SHA256withRSA(appId + traceId + timestamp + token + version), upper-case
 * hex.
 */
export function tokenValidateSignInput(f: TokenValidateSignFields): string {
  return f.appId + f.traceId + f.timestamp + f.token + f.version;
}

/** The AES key of `reqdata`: MD5(encrypted) hex, characters 8..24, upper-cased, as UTF-8 bytes. */
export function reqdataKeyFromMd5Hex(md5HexOfEncrypted: string): string {
  return md5HexOfEncrypted.slice(8, 24).toUpperCase();
}

/** The fixed IV of `reqdata`: sixteen ASCII zeros. */
export const REQDATA_IV = "0000000000000000";
