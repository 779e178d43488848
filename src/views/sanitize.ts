/**
 * The only doors through which untrusted data (integrator options, gateway answers) reaches the
 * DOM: texts go in as text nodes, URLs pass a scheme allow-list, style values pass a guard that
 * keeps them inside their own declaration.
 */

/** Characters and sequences that could end a declaration or pull in a resource. */
const STYLE_BREAKOUT = /[;{}<>"'`\\]|url\s*\(|expression\s*\(|image-set\s*\(|@import|\/\*|!\s*important|javascript:|[\u0000-\u001f\u007f]/i;

export function isSafeStyleValue(value: string): boolean {
  return value.length > 0 && value.length <= 200 && !STYLE_BREAKOUT.test(value);
}

/**
 * Sets one CSS property through the CSSOM (never through a style attribute string), after the
 * generic guard; the per-property validation lives in options.ts. Returns whether it was set.
 */
export function setStyle(el: HTMLElement | SVGElement, prop: string, value: string | undefined | null): boolean {
  const ok = !!value && isSafeStyleValue(value);
  if (ok) el.style.setProperty(prop, value!);
  return ok;
}

/** `setStyle` for each own property of `styles` (none: nothing). */
export function setStyles(el: HTMLElement | SVGElement, styles: Record<string, string | undefined> = {}): void {
  for (const prop of Object.keys(styles)) setStyle(el, prop, styles[prop]);
}

/** Image types that can be shown from a `data:` URL without any script running. */
const DATA_IMAGE = /^data:image\/(?:png|gif|jpe?g|webp|bmp);base64,[a-z0-9+/=\s]+$/i;

/**
 * `http:`, `https:` and relative URLs; for images also raster `data:` URLs. Everything else
 * (`javascript:`, `vbscript:`, `data:` links, `file:`, obfuscated variants) is dropped.
 * The check runs on the string the browser would parse: leading controls/whitespace removed and
 * tabs/newlines inside the scheme ignored, as the URL parser does.
 */
export function safeUrl(value: unknown, kind: "link" | "image" = "link"): string | undefined {
  if (typeof value != "string") return undefined;
  const trimmed = value.replace(/^[\u0000-\u0020]+|[\u0000-\u0020]+$/g, "");
  if (trimmed == "" || trimmed.length > 4096) return undefined;
  const collapsed = trimmed.replace(/[\t\n\r]/g, "");
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(collapsed);
  if (scheme) {
    const name = scheme[1].toLowerCase();
    if (name == "http" || name == "https") return collapsed;
    if (kind == "image" && name == "data" && DATA_IMAGE.test(collapsed)) return collapsed;
    return undefined;
  }
  // A colon before any "/", "?" or "#" would make the browser read a scheme we did not check.
  const firstColon = collapsed.indexOf(":");
  if (firstColon != -1) {
    const firstDelimiter = collapsed.search(/[/?#]/);
    if (firstDelimiter == -1 || firstColon < firstDelimiter) return undefined;
  }
  if (/[\u0000-\u001f\u007f]/.test(collapsed)) return undefined;
  return collapsed;
}
