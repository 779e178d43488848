/**
 * The SDK's CSS, injected once per document as the first child of <head> so that any stylesheet
 * the integrator loads later (including the original's ydrz-layer.css) wins on equal specificity.
 * Deduplicated by a data attribute, also across two copies of the SDK on one page.
 */

import css from "../../styles/ydrz.css?inline";

export const STYLE_ATTRIBUTE = "data-ydrz-jssdk";

/** The SDK's version as the build defines it ("" where it does not, e.g. in unit tests). */
const version = (): string => (typeof __VERSION__ === "string" ? __VERSION__ : "");

export function injectStyles(doc: Document, inject = true): void {
  if (!inject || doc.querySelector("style[" + STYLE_ATTRIBUTE + "]")) return;
  // No <head> (a document written without one may lack it): the root element.
  const head = doc.head || doc.documentElement;
  const style = doc.createElement("style");
  style.setAttribute(STYLE_ATTRIBUTE, version());
  style.textContent = css;
  head.insertBefore(style, head.firstChild);
}
