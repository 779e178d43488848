/**
 * The byte-level primitives the protocol needs in the page: UTF-8 and hex, MD5 (RFC 1321: signs,
 * keys, the fingerprint), AES-128-CBC encryption (FIPS-197: the CT/CU `reqdata`), Base64 of UTF-8
 * (the fingerprint) and random identifiers. Our own small implementations instead of crypto-js,
 * whose core, hasher and cipher layers would be most of the bundle's weight (see `npm run bench`,
 * bytes); crypto-js and node:crypto stay in the tests as the references they must match byte for
 * byte.
 */

// ---------------------------------------------------------------------------------------------
// Bytes

/** UTF-8 bytes of `text` (lone surrogates become U+FFFD instead of throwing). */
function utf8(text: string): Uint8Array {
  return new TextEncoder().encode(text);
}

/** Two lowercase hex digits of one byte. */
function hexByte(byte: number): string {
  return byte.toString(16).padStart(2, "0");
}

/** Lowercase hex of `bytes`. */
function hex(bytes: ArrayLike<number>): string {
  return Array.from(bytes, hexByte).join("");
}

/** Base64 of the UTF-8 bytes of `text`. */
export function base64Utf8(text: string): string {
  let binary = "";
  for (const byte of utf8(text)) binary += String.fromCharCode(byte);
  return btoa(binary);
}

// ---------------------------------------------------------------------------------------------
// MD5

/** Per-round left rotations: four per round, repeated for the round's 16 steps. */
const SHIFTS = [7, 12, 17, 22, 5, 9, 14, 20, 4, 11, 16, 23, 6, 10, 15, 21];

/** Rotates the 32-bit `x` left by `s` bits. */
function rotateLeft(x: number, s: number): number {
  return (x << s) | (x >>> (32 - s));
}

/** The round function of step `i` (0–63) of RFC 1321 §3.4 (F, G, H, I). */
function roundFunction(i: number, b: number, c: number, d: number): number {
  const round = i >> 4;
  if (round === 0) return (b & c) | (~b & d);
  if (round === 1) return (d & b) | (~d & c);
  if (round === 2) return b ^ c ^ d;
  return c ^ (b | ~d);
}

/** Which of the block's 16 words step `i` (0–63) reads. */
function messageIndex(i: number): number {
  const round = i >> 4;
  const steps = [i, 5 * i + 1, 3 * i + 5, 7 * i];
  return steps[round] % 16;
}

/**
 * The constant of step `i`: floor(|sin(i + 1)| × 2³²), as RFC 1321 defines it (`| 0` floors the
 * positive value and wraps it to 32 bits).
 */
function sineConstant(i: number): number {
  return (Math.abs(Math.sin(i + 1)) * 2 ** 32) | 0;
}

/** Lowercase hex MD5 of the UTF-8 bytes of `text`. */
export function md5Hex(text: string): string {
  const msg = utf8(text);
  const len = msg.length;
  // Message, 0x80, zero padding, then the bit length as a 64-bit little-endian word (its high
  // half stays 0: the SDK hashes short strings, never 512 MB).
  const words = new Uint32Array((((len + 8) >> 6) + 1) * 16);
  for (let i = 0; i <= len; i++) {
    const byte = i < len ? msg[i] : 0x80;
    words[i >> 2] |= byte << ((i % 4) * 8);
  }
  words[words.length - 2] = len * 8;
  const state = [0x67452301, 0xefcdab89, 0x98badcfe, 0x10325476];
  for (let j = 0; j < words.length; j += 16) {
    let [a, b, c, d] = state;
    for (let i = 0; i < 64; i++) {
      const x = (a + roundFunction(i, b, c, d) + sineConstant(i) + words[j + messageIndex(i)]) | 0;
      const shift = SHIFTS[(i >> 4) * 4 + (i % 4)];
      a = d;
      d = c;
      c = b;
      b = (b + rotateLeft(x, shift)) | 0;
    }
    state[0] = (state[0] + a) | 0;
    state[1] = (state[1] + b) | 0;
    state[2] = (state[2] + c) | 0;
    state[3] = (state[3] + d) | 0;
  }
  // The state words little-endian, byte by byte.
  const digest: number[] = [];
  for (let i = 0; i < 16; i++) digest.push((state[i >> 2] >>> ((i % 4) * 8)) & 255);
  return hex(digest);
}

// ---------------------------------------------------------------------------------------------
// AES-128-CBC

/** Multiplication by x in GF(2⁸) modulo the AES polynomial. */
function xtime(b: number): number {
  return (b << 1) ^ ((b >> 7) * 0x11b);
}

/**
 * The S-box, computed (256 bytes of table would cost more than this loop): p walks the
 * multiplicative group by ×3, q by ×3⁻¹, so q = p⁻¹; then the affine transform (the XOR of q's
 * rotations, folded from the shifted copies).
 */
function sBox(): number[] {
  const box = [0x63];
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
    box[p] = (x ^ (x >> 8) ^ 0x63) & 255;
  } while (p !== 1);
  return box;
}

/** The 11 round keys of a 128-bit key, concatenated (176 bytes). */
function expandKey(key: Uint8Array, box: number[]): number[] {
  const w = Array.from(key);
  let rcon = 1;
  for (let i = 16; i < 176; i += 4) {
    let t = w.slice(i - 4, i);
    if (i % 16 === 0) {
      t = [box[t[1]] ^ rcon, box[t[2]], box[t[3]], box[t[0]]];
      rcon = xtime(rcon);
    }
    for (let k = 0; k < 4; k++) w[i + k] = w[i - 16 + k] ^ t[k];
  }
  return w;
}

/** PKCS#7: 1–16 bytes, each the count of bytes added. */
function pkcs7(data: Uint8Array): number[] {
  const pad = 16 - (data.length % 16);
  const padded = Array.from(data);
  for (let i = 0; i < pad; i++) padded.push(pad);
  return padded;
}

/**
 * AES-128-CBC / PKCS#7 of the UTF-8 `plaintext` with UTF-8 `key` and `iv`; hex. Both are 16 ASCII
 * characters in the protocol (a key's 17th byte on would be overwritten by the schedule).
 */
export function aesCbcHex(plaintext: string, key: string, iv: string): string {
  const box = sBox();
  const w = expandKey(utf8(key), box);
  const buf = pkcs7(utf8(plaintext));
  let out = "";
  // The state column-major, as FIPS-197 lays it out; CBC: each block is XORed with the last.
  let s = Array.from(utf8(iv));
  for (let i = 0; i < buf.length; i += 16) {
    s = s.map((v, k) => v ^ buf[i + k] ^ w[k]);
    for (let round = 1; round < 11; round++) {
      // SubBytes and ShiftRows, then MixColumns (not in the last round) and AddRoundKey.
      const t = s.map((_, k) => box[s[(k + (k % 4) * 4) % 16]]);
      s = t.map((v, k) => {
        const c = k & ~3;
        let mixed = v;
        if (round < 10) {
          mixed ^= t[c] ^ t[c + 1] ^ t[c + 2] ^ t[c + 3] ^ xtime(v ^ t[c + ((k + 1) % 4)]);
        }
        return mixed ^ w[round * 16 + k];
      });
    }
    out += hex(s);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Random identifiers

/**
 * The official SDK's alphabet, digits then upper case then lower case: its random ids draw from
 * a prefix of it, so the `encrypted` seed is uppercase hex and a `getConnection` msgid is 0-9A-V.
 */
const ALPHANUMERIC = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

/** What `randomString` draws from and how many characters. */
export interface RandomStringOptions {
  /** How many of `[0-9A-Za-z]` to draw from (16: uppercase hex, 32: 0-9A-V, 62: all). */
  alphabet: number;
  /** How many characters. */
  length: number;
  /** Uniform in [0, 1). */
  random: () => number;
}

/**
 * Random identifiers (`getConnection` msgid, the `encrypted` seed of `reqdata`): not secrets, so
 * the injectable `random` (Math.random by default) is enough.
 */
export function randomString(options: RandomStringOptions): string {
  let out = "";
  for (let i = 0; i < options.length; i++) {
    out += ALPHANUMERIC[Math.floor(options.random() * options.alphabet)];
  }
  return out;
}
