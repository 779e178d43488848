/**
 * AES-128 encryption (FIPS-197) in CBC mode with PKCS#7 padding: the Telecom/Unicom `reqdata`.
 * Encrypt only, and only the 128-bit key the protocol uses. Written here rather than taken from
 * crypto-js for the bundle's size (crypto-js's cipher layers are most of its weight); the tests
 * check it against node:crypto and crypto-js.
 */

import { hex, utf8 } from "./bytes";

/** Multiplication by x in GF(2⁸) modulo the AES polynomial. */
const xtime = (b: number): number => (b << 1) ^ ((b >> 7) * 0x11b);

/**
 * AES-128-CBC / PKCS#7 of the UTF-8 `plaintext` with UTF-8 `key` and `iv`; hex. Both are 16 ASCII
 * characters in the protocol (a key's 17th byte on would be overwritten by the schedule).
 */
export function aesCbcHex(plaintext: string, key: string, iv: string): string {
  // The S-box, computed (256 bytes of table would cost more than this loop): p walks the
  // multiplicative group by ×3, q by ×3⁻¹, so q = p⁻¹; then the affine transform (the XOR of q's
  // rotations, folded from the shifted copies).
  const S = [0x63];
  let p = 1;
  let q = 1;
  do {
    p ^= xtime(p);
    q ^= q << 1;
    q ^= q << 2;
    q ^= q << 4;
    q &= 255;
    if (q & 128) q ^= 9;
    const x = q ^ (q << 1) ^ (q << 2) ^ (q << 3) ^ (q << 4);
    S[p] = (x ^ (x >> 8) ^ 0x63) & 255;
  } while (p !== 1);

  // The 11 round keys, concatenated.
  const w = Array.from(utf8(key));
  for (let i = 16, rcon = 1; i < 176; i += 4) {
    let t = w.slice(i - 4, i);
    if (i % 16 === 0) {
      t = [S[t[1]] ^ rcon, S[t[2]], S[t[3]], S[t[0]]];
      rcon = xtime(rcon);
    }
    for (let k = 0; k < 4; k++) w[i + k] = w[i - 16 + k] ^ t[k];
  }

  const data = utf8(plaintext);
  const pad = 16 - (data.length % 16);
  const buf = [...data, ...Array(pad).fill(pad)];
  let out = "";
  // The state column-major, as FIPS-197 lays it out; CBC: each block is XORed with the last.
  let s = Array.from(utf8(iv));
  for (let i = 0; i < buf.length; i += 16) {
    s = s.map((v, k) => v ^ buf[i + k] ^ w[k]);
    for (let round = 1; round < 11; round++) {
      // SubBytes and ShiftRows, then MixColumns (not in the last round) and AddRoundKey.
      const t = s.map((_, k) => S[s[(k + (k % 4) * 4) % 16]]);
      s = t.map((v, k) => {
        const c = k & ~3;
        if (round < 10)
          v ^= t[c] ^ t[c + 1] ^ t[c + 2] ^ t[c + 3] ^ xtime(v ^ t[c + ((k + 1) % 4)]);
        return v ^ w[round * 16 + k];
      });
    }
    out += hex(s);
  }
  return out;
}
