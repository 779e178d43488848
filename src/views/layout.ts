/**
 * A "box" is the common shape of the option groups (`high`, `left`, `width`, `fontSize`, …):
 * read from untrusted input into validated CSS values (keyed by the option's own name) over
 * defaults, then applied through the CSSOM. Placement: a box with a `high` is taken out of the
 * flow and placed from the top of its view; otherwise it stays in the flow, where `left` becomes
 * a left margin and "center" (the default) centres it.
 */

import {
  border,
  colour,
  fontFamily,
  fontSize,
  fontWeight,
  length,
  obj,
  offsetTop,
  opacity,
  position,
  signed,
  textAlign,
  textDecoration,
  type Parse,
} from "./options";
import { setStyle } from "./sanitize";

/** Option key → validated CSS value. */
export type Box = Record<string, string | undefined>;

/** Option defaults: written like options (a number is px), validated like them. */
export type Defaults = Record<string, unknown>;

/**
 * The fields an option group may carry and their validators, in reading order (warnings come in
 * this order), each group reading all of them: one table instead of one list per group. After
 * `high` and `left` (placement), each goes to the CSS property named like it (kebab case) unless
 * PROPS says.
 */
const FIELDS: Record<string, Parse> = {
  high: offsetTop,
  left: position,
  width: length,
  height: length,
  fontSize,
  fontColor: colour,
  bgColor: colour,
  fontFamily,
  fontWeight,
  textAlign,
  borderRadius: length,
  border,
  textDecoration,
  top: signed,
  right: signed,
  opacity,
  uncheckColor: colour,
  checkedColor: colour,
};
const PROPS: Record<string, string> = {
  fontColor: "color",
  bgColor: "background-color",
  uncheckColor: "--ydrz-check-off",
  checkedColor: "--ydrz-check-on",
};

/** Reads the fields of an option group over `defaults`; unknown fields are ignored. */
export function readBox(raw: unknown, field: string, defaults: Defaults = {}): Box {
  const o = obj(raw);
  const box: Box = {};
  // Own keys only (as everywhere): a host page's polluted Object.prototype adds no field.
  for (const k of Object.keys(FIELDS)) {
    // The seed spells it both ways (§3.5.1 `textalign`, §3.5.3 `textAlign`); the default goes
    // through the same validator (which also turns rem and numbers into px).
    const v =
      FIELDS[k](
        k == "textAlign" && (o[k] == null || o[k] === "") ? o.textalign : o[k],
        field + "." + k,
      ) || FIELDS[k](defaults[k], field);
    if (v) box[k] = v;
  }
  return box;
}

/** Applies a box (see the module comment); `lookOnly`: not its placement. Returns the box. */
export function applyBox(el: HTMLElement, box: Box, lookOnly?: boolean): Box {
  const { high, left } = box;
  const distance = left != "center" && left;
  const cls = el.classList;
  if (!lookOnly && high) {
    cls.add("ydrz-placed");
    setStyle(el, "top", high);
    if (distance) setStyle(el, "left", distance);
    else cls.add("ydrz-center-x");
  } else if (!lookOnly && distance) {
    cls.add("ydrz-flow-left");
    setStyle(el, "margin-left", distance);
  }
  for (const k of Object.keys(box)) {
    const v = box[k];
    // Integrators name fonts only phones have (PingFangSC-*); keep a fallback that is not serif.
    if (k != "high" && k != "left")
      setStyle(
        el,
        PROPS[k] || k.replace(/[A-Z]/g, "-$&").toLowerCase(),
        k == "fontFamily" ? v + ", sans-serif" : v,
      );
  }
  return box;
}

/** An option group read over its defaults and applied to `el`. */
export const style = (
  el: HTMLElement,
  raw: unknown,
  field: string,
  defaults?: Defaults,
  lookOnly?: boolean,
): Box => applyBox(el, readBox(raw, field, defaults), lookOnly);
