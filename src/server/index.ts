/**
 * Node helpers for the integrator's server (node:crypto only): the MD5 request sign, ids and
 * timestamps, the `tokenValidate` client with its RSA sign, msisdn decryption, RSA key pairs.
 */
export { md5Hex, signGetTokenInfo, type GetTokenInfoSignFields } from "./sign";
export { newTraceId, newTimestamp } from "./ids";
export {
  buildTokenValidateRequest,
  decryptMsisdn,
  encryptMsisdn,
  msisdnKey,
  rsaSignUpperHex,
  tokenValidate,
  TokenValidateError,
  type TokenValidateErrorKind,
  type TokenValidateOptions,
  type TokenValidateParams,
  type TokenValidateRequestParts,
} from "./token-validate";
export { generateRsaKeyPair, publicKeyBase64, toPublicKey, type RsaKeyPairPem } from "./keys";
export type {
  TokenValidateHeaders,
  TokenValidateRequest,
  TokenValidateResponse,
} from "../protocol/wire";
