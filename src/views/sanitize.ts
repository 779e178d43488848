/**
 * The only doors through which untrusted data (integrator options, gateway answers) reaches the
 * DOM besides text nodes: URLs pass a scheme allow-list, style values go through the CSSOM.
 */

/**
 * Sets one CSS property through the CSSOM, never through a style attribute string: a value can
 * only ever be one property's value, and the engine drops what that property does not accept.
 * Every value comes from a validator of options.ts (lengths, keywords and font names by pattern,
 * colours and borders by the engine itself), none of which lets a `url(` or a quote through.
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

/**
 * `http:`, `https:` and relative URLs; for images also raster `data:` URLs. Everything else
 * (`javascript:`, `vbscript:`, `data:` links, `file:`, obfuscated variants) is dropped.
 * The check runs on the string the browser would parse: leading and trailing controls/spaces
 * removed and tabs/newlines ignored, as the URL parser does. Any colon before the first "/", "?"
 * or "#" would be read as a scheme, so it must be one of ours.
 */
export function safeUrl(value: unknown, kind?: "link" | "image"): string | undefined {
  const url = typeof value == "string" ? value.replace(/^[\0- ]+|[\0- ]+$|[\t\n\r]/g, "") : "";
  return url &&
    !/[\0-\x1f\x7f]/.test(url) &&
    (!/^[^/?#]*:/.test(url) || /^https?:/i.test(url) || (kind == "image" && DATA_IMAGE.test(url)))
    ? url
    : undefined;
}
