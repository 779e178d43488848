/** Random identifiers (`getConnection` msgid, the `encrypted` seed of `reqdata`). */

export type Random = () => number;

/** Uniform in [0, 1): Web Crypto when present, else Math.random (the values are not secrets). */
export const defaultRandom: Random = () => {
  const c = (globalThis as { crypto?: Crypto }).crypto;
  if (c && typeof c.getRandomValues === "function") return c.getRandomValues(new Uint32Array(1))[0] / 2 ** 32;
  return Math.random();
};

export const ALPHANUMERIC = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
export const HEX = ALPHANUMERIC.slice(0, 16);

export function randomString(alphabet: string, length: number, random: Random): string {
  let out = "";
  for (let i = 0; i < length; i++) {
    // Clamp: an injected random() returning 1 must not index past the alphabet.
    out += alphabet[Math.min(alphabet.length - 1, Math.floor(random() * alphabet.length))];
  }
  return out;
}
