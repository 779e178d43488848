/**
 * MD5 (RFC 1321), the digest the gateway protocol uses for signs and keys. Written here rather
 * than taken from crypto-js: the SDK needs one small function, and crypto-js's core, hasher and
 * word-array layers cost four times its size in the bundle (see `npm run bench`, bytes).
 */

import { hex, utf8 } from "./bytes";

/** Per-round left rotations: four per round, repeated for the round's 16 steps. */
const SHIFTS = [7, 12, 17, 22, 5, 9, 14, 20, 4, 11, 16, 23, 6, 10, 15, 21];

/** Lowercase hex MD5 of the UTF-8 bytes of `text`. */
export function md5Hex(text: string): string {
  const msg = utf8(text);
  const len = msg.length;
  // Message, 0x80, zero padding, then the bit length as a 64-bit little-endian word (its high
  // half stays 0: the SDK hashes short strings, never 512 MB).
  const words = new Uint32Array((((len + 8) >> 6) + 1) * 16);
  for (let i = 0; i <= len; i++) words[i >> 2] |= (i < len ? msg[i] : 0x80) << ((i % 4) * 8);
  words[words.length - 2] = len * 8;
  const state = [0x67452301, 0xefcdab89, 0x98badcfe, 0x10325476];
  for (let j = 0; j < words.length; j += 16) {
    let [a, b, c, d] = state;
    for (let i = 0; i < 64; i++) {
      const r = i >> 4;
      const f = [(b & c) | (~b & d), (d & b) | (~d & c), b ^ c ^ d, c ^ (b | ~d)][r];
      const g = [i, 5 * i + 1, 3 * i + 5, 7 * i][r] % 16;
      // The constants are floor(|sin(i + 1)| × 2³²), as RFC 1321 defines them (`| 0` floors the
      // positive value and wraps it to 32 bits).
      const x = (a + f + ((Math.abs(Math.sin(i + 1)) * 2 ** 32) | 0) + words[j + g]) | 0;
      const s = SHIFTS[r * 4 + (i % 4)];
      a = d;
      d = c;
      c = b;
      b = (b + ((x << s) | (x >>> (32 - s)))) | 0;
    }
    state.forEach((v, k) => (state[k] = (v + [a, b, c, d][k]) | 0));
  }
  // The state words little-endian, byte by byte.
  return hex(Array.from({ length: 16 }, (_, i) => (state[i >> 2] >>> ((i % 4) * 8)) & 255));
}
