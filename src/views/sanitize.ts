/**
 * The only doors through which untrusted data (integrator options, gateway answers) reaches the
 * DOM besides text nodes: URLs pass a scheme allow-list, style values go through the CSSOM.
 */

/**
 * Sets one CSS property through the CSSOM, never through a style attribute string: a value can
 * only ever be one property's value, and the engine drops what that property does not accept.
 * Every value comes from a validator of options.ts (lengths, keywords and font names by pattern,
 * colours and borders by the engine itself), none of which lets a `url(` or a quote through.
 * An empty or missing value sets nothing (the stylesheet's default applies).
 */
export function setStyle(
  el: HTMLElement | SVGElement,
  prop: string,
  value: string | undefined | null,
): void {
  if (value) el.style.setProperty(prop, value);
}

/** Image types that can be shown from a `data:` URL without any script running. */
const DATA_IMAGE = /^data:image\/(?:png|gif|jpe?g|webp|bmp);base64,[a-z0-9+/=\s]+$/i;

/** What the URL parser itself ignores: leading and trailing controls and spaces, tabs/newlines. */
const IGNORED_BY_URL_PARSER = /^[\0- ]+|[\0- ]+$|[\t\n\r]/g;

// eslint-disable-next-line no-control-regex -- control characters are what this pattern finds
const CONTROL_CHARACTER = /[\0-\x1f\x7f]/;

/** Any colon before the first "/", "?" or "#" would be read as a scheme. */
const HAS_SCHEME = /^[^/?#]*:/;

const HTTP_SCHEME = /^https?:/i;

/**
 * `http:`, `https:` and relative URLs; for images also raster `data:` URLs. Everything else
 * (`javascript:`, `vbscript:`, `data:` links, `file:`, obfuscated variants) is dropped.
 * The check runs on the string the browser would parse, so a scheme hidden behind characters
 * the parser skips is still seen.
 */
export function safeUrl(value: unknown, kind?: "link" | "image"): string | undefined {
  if (typeof value !== "string") return undefined;
  const url = value.replace(IGNORED_BY_URL_PARSER, "");
  if (!url || CONTROL_CHARACTER.test(url)) return undefined;
  if (!HAS_SCHEME.test(url) || HTTP_SCHEME.test(url)) return url;
  if (kind === "image" && DATA_IMAGE.test(url)) return url;
  return undefined;
}
