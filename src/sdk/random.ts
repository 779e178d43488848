/** Random identifiers (`getConnection` msgid, the `encrypted` seed of `reqdata`): not secrets. */

const ALPHANUMERIC = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";

/** `length` characters of the first `size` of `[0-9a-zA-Z]` (16: lowercase hex, 62: all). */
export function randomString(size: number, length: number, random: () => number): string {
  let out = "";
  while (length--) out += ALPHANUMERIC[Math.floor(random() * size)];
  return out;
}
