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
  const box: Box = {};
  // Read in this order, so that warnings come in the order of the fields.
  const read = (k: keyof Box, parse: (v: unknown, f: string) => string | undefined, key: string = k, value = o[key]): void => {
    const v = parse(value, field + "." + key);
    if (v !== undefined) box[k] = v;
  };
  read("top", offsetTop, "high");
  read("left", position);
  read("width", length);
  read("height", length);
  read("fontSize", (v, f) => length(v, f, { percent: false }));
  read("color", colour, "fontColor");
  read("background", colour, "bgColor");
  read("fontFamily", fontFamily);
  read("fontWeight", fontWeight);
  // The seed spells it both ways (§3.5.1 `textalign`, §3.5.3 `textAlign`).
  read("textAlign", textAlign, "textAlign", o.textAlign !== undefined && o.textAlign !== "" ? o.textAlign : o.textalign);
  read("borderRadius", length);
  read("border", border);
  read("textDecoration", textDecoration);
  return box;
}

/** Fields of `box` win; missing ones come from `defaults`. */
export function withDefaults(box: Box, defaults: Box): Box {
  return { ...defaults, ...box };
}

/** Box fields and the CSS properties they set, in the order they are set. */
const LOOK: [keyof Box, string][] = [
  ["width", "width"],
  ["height", "height"],
  ["fontSize", "font-size"],
  ["color", "color"],
  ["background", "background-color"],
  ["fontFamily", "font-family"],
  ["fontWeight", "font-weight"],
  ["textAlign", "text-align"],
  ["borderRadius", "border-radius"],
  ["border", "border"],
  ["textDecoration", "text-decoration"],
];

/** Applies the visual fields (not the placement). */
export function applyLook(el: HTMLElement, box: Box): void {
  for (const [k, prop] of LOOK) {
    const v = box[k];
    // Integrators name fonts only phones have (PingFangSC-*); keep a fallback that is not serif.
    setStyle(el, prop, k === "fontFamily" && v ? `${v}, ${FALLBACK_FONTS}` : v);
  }
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
