/** UTF-8 bytes of `text` (lone surrogates become U+FFFD instead of throwing). */
export const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);

/** Lowercase hex of `bytes`. */
export const hex = (bytes: ArrayLike<number>): string =>
  Array.from(bytes, (b) => (b < 16 ? "0" : "") + b.toString(16)).join("");
