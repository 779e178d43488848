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

/** The fields every option group may carry, in reading order (warnings come in this order). */
const KEYS = "high left width height fontSize fontColor bgColor fontFamily fontWeight textAlign borderRadius border textDecoration".split(" ");
/** Their validators, in the same order. */
const PARSE: Parse[] = [offsetTop, position, length, length, fontSize, colour, colour, fontFamily, fontWeight, textAlign, length, border, textDecoration];

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
  KEYS.forEach((k, i) => {
    // The seed spells it both ways (§3.5.1 `textalign`, §3.5.3 `textAlign`).
    const v = !skip.includes(k) && option(k == "textAlign" && (o[k] === undefined || o[k] === "") ? { textAlign: o.textalign } : o, field, k, defaults[k], PARSE[i]);
    if (v) box[k] = v;
  });
  return box;
}

/** Applies a box (see the module comment); `lookOnly`: not its placement. Returns the box. */
export function applyBox(el: HTMLElement, box: Box, lookOnly?: boolean): Box {
  const { high, left } = box;
  const distance = left != "center" && left;
  const cls = el.classList;
  if (lookOnly) {
    // the look only
  } else if (high) {
    cls.add("ydrz-placed");
    setStyle(el, "top", high);
    if (distance) setStyle(el, "left", distance);
    else cls.add("ydrz-center-x");
  } else if (distance) {
    cls.add("ydrz-flow-left");
    setStyle(el, "margin-left", distance);
  }
  // The look: each field but `high` and `left`, to the CSS property named like it (kebab case),
  // but for the two colours.
  KEYS.forEach((k, i) => {
    const v = box[k];
    if (i > 1) {
      setStyle(
        el,
        k == "fontColor" ? "color" : k == "bgColor" ? "background-color" : k.replace(/[A-Z]/g, "-$&").toLowerCase(),
        // Integrators name fonts only phones have (PingFangSC-*); keep a fallback that is not serif.
        k == "fontFamily" && v ? v + ", sans-serif" : v,
      );
    }
  });
  return box;
}
