/**
 * A "box" is the common shape of the option groups (`high`, `left`, `width`, `fontSize`, …):
 * read from untrusted input into validated CSS values (keyed by the option's own name) over
 * defaults, then applied through the CSSOM. Placement: a box with a `high` is taken out of the
 * flow and placed from the top of its view; otherwise it stays in the flow, where `left` becomes
 * a left margin and "center" (the default) centres it.
 */

import { border, colour, fontFamily, fontSize, fontWeight, length, obj, offsetTop, position, textAlign, textDecoration, type Parse } from "./options";
import { setStyle } from "./sanitize";

/** Option key → validated CSS value. */
export type Box = Record<string, string | undefined>;

/** Option defaults: written like options (a number is px), validated like them. */
export type Defaults = Record<string, unknown>;

/**
 * The fields every option group may carry, in reading order (warnings come in this order):
 * option key → [validator, CSS property]; no property: placement.
 */
const FIELDS: Record<string, [Parse, string?]> = {
  high: [offsetTop],
  left: [position],
  width: [length, "width"],
  height: [length, "height"],
  fontSize: [fontSize, "font-size"],
  fontColor: [colour, "color"],
  bgColor: [colour, "background-color"],
  fontFamily: [fontFamily, "font-family"],
  fontWeight: [fontWeight, "font-weight"],
  textAlign: [textAlign, "text-align"],
  borderRadius: [length, "border-radius"],
  border: [border, "border"],
  textDecoration: [textDecoration, "text-decoration"],
};

/**
 * One option: `raw[key]` through `parse` (a warning names `field.key`), else the default through
 * the same validator (which also turns rem and numbers into px).
 */
export const option = (raw: Record<string, unknown>, field: string, key: string, fallback?: unknown, parse: Parse = length): string | undefined =>
  parse(raw[key], field + "." + key) || parse(fallback, field);

/** Reads the box fields of an option group (less `skip`) over `defaults`; unknown fields are ignored. */
export function readBox(raw: unknown, field: string, defaults: Defaults = {}, skip: string[] = []): Box {
  const o = obj(raw);
  const box: Box = {};
  for (const k in FIELDS) {
    if (skip.includes(k)) continue;
    const parse = FIELDS[k][0];
    // The seed spells it both ways (§3.5.1 `textalign`, §3.5.3 `textAlign`).
    const v = parse(k == "textAlign" && (o[k] === undefined || o[k] === "") ? o.textalign : o[k], field + "." + k) || parse(defaults[k], field);
    if (v) box[k] = v;
  }
  return box;
}

/** Applies a box (see the module comment); `lookOnly`: not its placement. Returns the box. */
export function applyBox(el: HTMLElement, box: Box, lookOnly?: boolean): Box {
  const { high, left } = box;
  const distance = left != "center" && left;
  const cls = el.classList;
  if (lookOnly) {
    /* the look only */
  } else if (high) {
    cls.add("ydrz-placed");
    setStyle(el, "top", high);
    if (distance) setStyle(el, "left", distance);
    else cls.add("ydrz-center-x");
  } else if (distance) {
    cls.add("ydrz-flow-left");
    setStyle(el, "margin-left", distance);
  }
  for (const k in FIELDS) {
    const v = box[k];
    // Integrators name fonts only phones have (PingFangSC-*); keep a fallback that is not serif.
    if (FIELDS[k][1]) setStyle(el, FIELDS[k][1]!, k == "fontFamily" && v ? v + ", sans-serif" : v);
  }
  return box;
}
