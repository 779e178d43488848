// What-if for the bytes group (never shipped): the three crypto calls of src/sdk/crypto.ts
// without crypto-js, written from the specs (RFC 1321 MD5, FIPS-197 AES-128, CBC with PKCS#7,
// encrypt only), to measure what the UMD would weigh with them. Verified against node:crypto
// by bench/what-if/check-crypto-lite.mjs.

const utf8 = (s) => new TextEncoder().encode(s);
const hex = (bytes) => Array.from(bytes, (b) => (b < 16 ? "0" : "") + b.toString(16)).join("");

/** Lowercase hex MD5 of the UTF-8 bytes of `text`. */
export function md5Hex(text) {
  const msg = utf8(text);
  const n = ((msg.length + 8) >> 6) + 1;
  const w = new Uint32Array(n * 16);
  for (let i = 0; i < msg.length; i++) w[i >> 2] |= msg[i] << ((i % 4) * 8);
  w[msg.length >> 2] |= 0x80 << ((msg.length % 4) * 8);
  w[n * 16 - 2] = msg.length * 8;
  const K = [];
  for (let i = 0; i < 64; i++) K[i] = (Math.abs(Math.sin(i + 1)) * 2 ** 32) >>> 0;
  const S = [7, 12, 17, 22, 5, 9, 14, 20, 4, 11, 16, 23, 6, 10, 15, 21];
  let a0 = 0x67452301, b0 = 0xefcdab89, c0 = 0x98badcfe, d0 = 0x10325476;
  for (let j = 0; j < w.length; j += 16) {
    let a = a0, b = b0, c = c0, d = d0;
    for (let i = 0; i < 64; i++) {
      const r = i >> 4;
      const f = r === 0 ? (b & c) | (~b & d) : r === 1 ? (d & b) | (~d & c) : r === 2 ? b ^ c ^ d : c ^ (b | ~d);
      const g = r === 0 ? i : r === 1 ? (5 * i + 1) % 16 : r === 2 ? (3 * i + 5) % 16 : (7 * i) % 16;
      const t = d;
      d = c;
      c = b;
      const x = (a + f + K[i] + w[j + g]) | 0;
      const s = S[r * 4 + (i % 4)];
      b = (b + ((x << s) | (x >>> (32 - s)))) | 0;
      a = t;
    }
    a0 = (a0 + a) | 0;
    b0 = (b0 + b) | 0;
    c0 = (c0 + c) | 0;
    d0 = (d0 + d) | 0;
  }
  const out = new Uint8Array(16);
  [a0, b0, c0, d0].forEach((v, i) => {
    for (let k = 0; k < 4; k++) out[i * 4 + k] = (v >>> (8 * k)) & 255;
  });
  return hex(out);
}

let SBOX;
function sbox() {
  if (SBOX) return SBOX;
  SBOX = new Uint8Array(256);
  // Walk the multiplicative group with generator 3 and its inverse; affine transform.
  let p = 1, q = 1;
  do {
    p = p ^ ((p << 1) & 255) ^ (p & 128 ? 0x1b : 0);
    q ^= q << 1;
    q ^= q << 2;
    q ^= q << 4;
    q &= 255;
    if (q & 128) q ^= 0x09;
    const x = q ^ ((q << 1) | (q >> 7)) ^ ((q << 2) | (q >> 6)) ^ ((q << 3) | (q >> 5)) ^ ((q << 4) | (q >> 4));
    SBOX[p] = (x ^ 0x63) & 255;
  } while (p !== 1);
  SBOX[0] = 0x63;
  return SBOX;
}

const xtime = (b) => ((b << 1) ^ (b & 128 ? 0x1b : 0)) & 255;

function expandKey(key) {
  const S = sbox();
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

function encryptBlock(s, w) {
  const S = sbox();
  for (let k = 0; k < 16; k++) s[k] ^= w[k];
  for (let round = 1; round <= 10; round++) {
    const t = new Uint8Array(16);
    // SubBytes + ShiftRows (column-major state).
    for (let c = 0; c < 4; c++) for (let r = 0; r < 4; r++) t[c * 4 + r] = S[s[((c + r) % 4) * 4 + r]];
    if (round < 10)
      for (let c = 0; c < 4; c++) {
        const [a, b, d, e] = t.subarray(c * 4, c * 4 + 4);
        const x = a ^ b ^ d ^ e;
        t[c * 4] ^= x ^ xtime(a ^ b);
        t[c * 4 + 1] ^= x ^ xtime(b ^ d);
        t[c * 4 + 2] ^= x ^ xtime(d ^ e);
        t[c * 4 + 3] ^= x ^ xtime(e ^ a);
      }
    for (let k = 0; k < 16; k++) s[k] = t[k] ^ w[round * 16 + k];
  }
  return s;
}

/** AES-128-CBC / PKCS#7 with UTF-8 key and IV; hex ciphertext. */
export function aesCbcHex(plaintext, key, iv) {
  const data = utf8(plaintext);
  const pad = 16 - (data.length % 16);
  const buf = new Uint8Array(data.length + pad).fill(pad);
  buf.set(data);
  const w = expandKey(utf8(key).subarray(0, 16));
  let prev = utf8(iv).subarray(0, 16);
  for (let i = 0; i < buf.length; i += 16) {
    const block = buf.subarray(i, i + 16);
    for (let k = 0; k < 16; k++) block[k] ^= prev[k];
    encryptBlock(block, w);
    prev = block;
  }
  return hex(buf);
}

export function base64Utf8(text) {
  return btoa(Array.from(utf8(text), (b) => String.fromCharCode(b)).join(""));
}
