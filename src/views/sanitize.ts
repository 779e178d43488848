/**
 * The only doors through which untrusted data (integrator options, gateway answers) reaches the
 * DOM: texts go in as text nodes, URLs pass a scheme allow-list, style values pass a guard that
 * keeps them inside their own declaration.
 */

/** Characters and sequences that could end a declaration or pull in a resource. */
const STYLE_BREAKOUT = /[;{}<>"'`\\\0-\x1f\x7f]|url\s*\(|expression\s*\(|image-set\s*\(|@import|\/\*|!\s*important|javascript:/i;

export const isSafeStyleValue = (value: string): boolean => value.length > 0 && value.length <= 200 && !STYLE_BREAKOUT.test(value);

/**
 * Sets one CSS property through the CSSOM (never through a style attribute string), after the
 * generic guard; the per-property validation lives in options.ts. Returns whether it was set.
 */
export function setStyle(el: HTMLElement | SVGElement, prop: string, value: string | undefined | null): boolean {
  const ok = !!value && isSafeStyleValue(value);
  if (ok) el.style.setProperty(prop, value!);
  return ok;
}

/** Image types that can be shown from a `data:` URL without any script running. */
const DATA_IMAGE = /^data:image\/(?:png|gif|jpe?g|webp|bmp);base64,[a-z0-9+/=\s]+$/i;

/**
 * `http:`, `https:` and relative URLs; for images also raster `data:` URLs. Everything else
 * (`javascript:`, `vbscript:`, `data:` links, `file:`, obfuscated variants) is dropped.
 * The check runs on the string the browser would parse: leading and trailing controls/spaces
 * removed and tabs/newlines ignored, as the URL parser does. Any colon before the first "/", "?"
 * or "#" would be read as a scheme, so it must be one of ours.
 */
export function safeUrl(value: unknown, kind?: "link" | "image"): string | undefined {
  const url = typeof value == "string" ? value.replace(/^[\0- ]+|[\0- ]+$|[\t\n\r]/g, "") : "";
  return url && !/[\0-\x1f\x7f]/.test(url) && (!/^[^/?#]*:/.test(url) || /^https?:/i.test(url) || (kind == "image" && DATA_IMAGE.test(url))) ? url : undefined;
}
