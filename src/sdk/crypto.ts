/**
 * The crypto-js calls of the SDK, imported per module: the whole `crypto-js` package is six times
 * larger and does not tree-shake.
 */

import AES from "crypto-js/aes";
import Base64 from "crypto-js/enc-base64";
import Hex from "crypto-js/enc-hex";
import Utf8 from "crypto-js/enc-utf8";
import MD5 from "crypto-js/md5";

/** Lowercase hex MD5 of the UTF-8 bytes of `text`. */
export function md5Hex(text: string): string {
  return MD5(text).toString(Hex);
}

/** AES-CBC / PKCS7 with UTF-8 key and IV (16 bytes each → AES-128); hex ciphertext. */
export function aesCbcHex(plaintext: string, key: string, iv: string): string {
  return AES.encrypt(Utf8.parse(plaintext), Utf8.parse(key), { iv: Utf8.parse(iv) }).ciphertext.toString(Hex);
}

export function base64Utf8(text: string): string {
  return Base64.stringify(Utf8.parse(text));
}
