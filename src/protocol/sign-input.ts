/**
 * The strings that the protocol's signatures are computed over. Hashing is left to the caller
 * (crypto-js in the browser, node:crypto on the server) so this module runs everywhere.
 */

export interface RequestSignFields {
  appId: string;
  businessType: string;
  /** Must equal `traceId` (seed 003 §3.2). */
  msgId: string;
  timestamp: string;
  traceId: string;
  version: string;
}

/** `getTokenInfo` sign: MD5(appId + businessType + msgId + timestamp + traceId + version + appKey). */
export function requestSignInput(f: RequestSignFields, appKey: string): string {
  return f.appId + f.businessType + f.msgId + f.timestamp + f.traceId + f.version + appKey;
}

/** Inner sign of the CT/CU `reqdata`: MD5(appId + version + msgId + timestamp), no secret. */
export function crossCarrierSignInput(f: {
  appId: string;
  version: string;
  msgId: string;
  timestamp: string;
}): string {
  return f.appId + f.version + f.msgId + f.timestamp;
}

/** `tokenValidate` sign: SHA256withRSA(appId + traceId + timestamp + token + version), upper hex. */
export function tokenValidateSignInput(f: {
  appId: string;
  traceId: string;
  timestamp: string;
  token: string;
  version: string;
}): string {
  return f.appId + f.traceId + f.timestamp + f.token + f.version;
}

/** The AES key of `reqdata`: MD5(encrypted) hex, characters 8..24, upper-cased, as UTF-8 bytes. */
export function reqdataKeyFromMd5Hex(md5HexOfEncrypted: string): string {
  return md5HexOfEncrypted.substr(8, 16).toUpperCase();
}

/** The fixed IV of `reqdata`: sixteen ASCII zeros. */
export const REQDATA_IV = "0000000000000000";
