/**
 * The three primitives the protocol needs in the page: MD5 (signs, keys, the fingerprint),
 * AES-128-CBC encryption (the CT/CU `reqdata`) and Base64 of UTF-8 (the fingerprint). Our own
 * small implementations (md5.ts, aes-cbc.ts) instead of crypto-js, which cost ~4 KB gzip of a
 * 12 KB budget; crypto-js stays in the tests as the reference they must match byte for byte.
 */

import { utf8 } from "./bytes";

export { md5Hex } from "./md5";
export { aesCbcHex } from "./aes-cbc";

export const base64Utf8 = (text: string): string => btoa(String.fromCharCode(...utf8(text)));
