/**
 * A "box" is the common shape of the option groups (`high`, `left`, `width`, `fontSize`, …):
 * read once from untrusted input into validated CSS values, merged over defaults, then applied
 * through the CSSOM. Placement: a box with a `top` is taken out of the flow and placed from the
 * top of its view (the seed's `high`); otherwise it stays in the flow, where `left` becomes a
 * left margin and "center" (the default) centres it.
 */

import {
  border,
  colour,
  fontFamily,
  fontWeight,
  length,
  obj,
  offsetTop,
  position,
  textAlign,
  textDecoration,
} from "./options";
import { setStyle } from "./sanitize";

export const FALLBACK_FONTS = "sans-serif";

export interface Box {
  top?: string;
  left?: string | "center";
  width?: string;
  height?: string;
  fontSize?: string;
  color?: string;
  background?: string;
  fontFamily?: string;
  fontWeight?: string;
  textAlign?: string;
  borderRadius?: string;
  border?: string;
  textDecoration?: string;
}

/** Reads the fields every option group may carry; unknown fields are ignored. */
export function readBox(raw: unknown, field: string): Box {
  const o = obj(raw);
  const box: Box = {
    top: offsetTop(o.high, field + ".high"),
    left: position(o.left, field + ".left"),
    width: length(o.width, field + ".width"),
    height: length(o.height, field + ".height"),
    fontSize: length(o.fontSize, field + ".fontSize", { percent: false }),
    color: colour(o.fontColor, field + ".fontColor"),
    background: colour(o.bgColor, field + ".bgColor"),
    fontFamily: fontFamily(o.fontFamily, field + ".fontFamily"),
    fontWeight: fontWeight(o.fontWeight, field + ".fontWeight"),
    // The seed spells it both ways (§3.5.1 `textalign`, §3.5.3 `textAlign`).
    textAlign: textAlign(o.textAlign !== undefined && o.textAlign !== "" ? o.textAlign : o.textalign, field + ".textAlign"),
    borderRadius: length(o.borderRadius, field + ".borderRadius"),
    border: border(o.border, field + ".border"),
    textDecoration: textDecoration(o.textDecoration, field + ".textDecoration"),
  };
  for (const k of Object.keys(box) as (keyof Box)[]) if (box[k] === undefined) delete box[k];
  return box;
}

/** Fields of `box` win; missing ones come from `defaults`. */
export function withDefaults(box: Box, defaults: Box): Box {
  return { ...defaults, ...box };
}

/** Applies the visual fields (not the placement). */
export function applyLook(el: HTMLElement, box: Box): void {
  setStyle(el, "width", box.width);
  setStyle(el, "height", box.height);
  setStyle(el, "font-size", box.fontSize);
  setStyle(el, "color", box.color);
  setStyle(el, "background-color", box.background);
  // Integrators name fonts only phones have (PingFangSC-*); keep a fallback that is not serif.
  setStyle(el, "font-family", box.fontFamily && `${box.fontFamily}, ${FALLBACK_FONTS}`);
  setStyle(el, "font-weight", box.fontWeight);
  setStyle(el, "text-align", box.textAlign);
  setStyle(el, "border-radius", box.borderRadius);
  setStyle(el, "border", box.border);
  setStyle(el, "text-decoration", box.textDecoration);
}

/** Applies the placement (see the module comment). */
export function applyPlacement(el: HTMLElement, box: Box): void {
  if (box.top !== undefined) {
    el.classList.add("ydrz-placed");
    setStyle(el, "top", box.top);
    if (box.left === undefined || box.left === "center") el.classList.add("ydrz-center-x");
    else setStyle(el, "left", box.left);
  } else if (box.left !== undefined && box.left !== "center") {
    el.classList.add("ydrz-flow-left");
    setStyle(el, "margin-left", box.left);
  }
}

export function applyBox(el: HTMLElement, box: Box): void {
  applyPlacement(el, box);
  applyLook(el, box);
}
