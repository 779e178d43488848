/**
 * AES-128 encryption (FIPS-197) in CBC mode with PKCS#7 padding: the Telecom/Unicom `reqdata`.
 * Encrypt only, and only the 128-bit key the protocol uses. Written here rather than taken from
 * crypto-js for the bundle's size (crypto-js's cipher layers are most of its weight); the tests
 * check it against node:crypto and crypto-js.
 */

import { hex, utf8 } from "./bytes";

/** Multiplication by x in GF(2⁸) modulo the AES polynomial. */
const xtime = (b: number): number => ((b << 1) ^ (b & 128 ? 0x1b : 0)) & 255;

let sbox: Uint8Array | undefined;

/** The S-box, computed (256 bytes of table would cost more than this loop). */
function substitution(): Uint8Array {
  if (sbox) return sbox;
  const box = new Uint8Array(256);
  // p walks the multiplicative group by ×3, q by ×3⁻¹, so q = p⁻¹; then the affine transform.
  let p = 1;
  let q = 1;
  do {
    p ^= xtime(p);
    q ^= q << 1;
    q ^= q << 2;
    q ^= q << 4;
    q &= 255;
    if (q & 128) q ^= 0x09;
    const r = (n: number): number => (q << n) | (q >> (8 - n));
    box[p] = (q ^ r(1) ^ r(2) ^ r(3) ^ r(4) ^ 0x63) & 255;
  } while (p !== 1);
  box[0] = 0x63;
  return (sbox = box);
}

/** The 11 round keys of a 16-byte key, concatenated. */
function expandKey(key: Uint8Array, S: Uint8Array): Uint8Array {
  const w = new Uint8Array(176);
  w.set(key);
  let rcon = 1;
  for (let i = 16; i < 176; i += 4) {
    let t = w.slice(i - 4, i);
    if (i % 16 === 0) {
      t = Uint8Array.of(S[t[1]] ^ rcon, S[t[2]], S[t[3]], S[t[0]]);
      rcon = xtime(rcon);
    }
    for (let k = 0; k < 4; k++) w[i + k] = w[i - 16 + k] ^ t[k];
  }
  return w;
}

/** Encrypts the 16-byte `state` in place (column-major, as FIPS-197 lays it out). */
function encryptBlock(state: Uint8Array, w: Uint8Array, S: Uint8Array): void {
  for (let k = 0; k < 16; k++) state[k] ^= w[k];
  for (let round = 1; round <= 10; round++) {
    const t = new Uint8Array(16);
    // SubBytes and ShiftRows together.
    for (let k = 0; k < 16; k++) t[k] = S[state[(k + (k % 4) * 4) % 16]];
    if (round < 10)
      for (let c = 0; c < 16; c += 4) {
        const [a, b, d, e] = t.slice(c, c + 4);
        const x = a ^ b ^ d ^ e;
        t[c] ^= x ^ xtime(a ^ b);
        t[c + 1] ^= x ^ xtime(b ^ d);
        t[c + 2] ^= x ^ xtime(d ^ e);
        t[c + 3] ^= x ^ xtime(e ^ a);
      }
    for (let k = 0; k < 16; k++) state[k] = t[k] ^ w[round * 16 + k];
  }
}

/** AES-128-CBC / PKCS#7 of the UTF-8 `plaintext` with UTF-8 `key` and `iv` (16 bytes each); hex. */
export function aesCbcHex(plaintext: string, key: string, iv: string): string {
  const S = substitution();
  const data = utf8(plaintext);
  const pad = 16 - (data.length % 16);
  const buf = new Uint8Array(data.length + pad).fill(pad);
  buf.set(data);
  const w = expandKey(utf8(key).subarray(0, 16), S);
  let prev = utf8(iv).subarray(0, 16);
  for (let i = 0; i < buf.length; i += 16) {
    const block = buf.subarray(i, i + 16);
    for (let k = 0; k < 16; k++) block[k] ^= prev[k];
    encryptBlock(block, w, S);
    prev = block;
  }
  return hex(buf);
}
