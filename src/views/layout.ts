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

/**
 * The raw value of field `key` in an option group. The option tables spell the alignment both
 * ways (`textalign` and `textAlign`): the lower-case one counts when the other is unset.
 */
function rawField(group: Record<string, unknown>, key: string): unknown {
  const value = group[key];
  const unset = value === undefined || value === null || value === "";
  if (key === "textAlign" && unset) return group.textalign;
  return value;
}

/** Reads the fields of an option group over `defaults`; unknown fields are ignored. */
export function readBox(raw: unknown, field: string, defaults: Defaults = {}): Box {
  const group = obj(raw);
  const box: Box = {};
  // Own keys only (as everywhere): a host page's polluted Object.prototype adds no field.
  for (const key of Object.keys(FIELDS)) {
    const parse = FIELDS[key];
    // The default goes through the same validator (which also turns rem and numbers into px).
    const value = parse(rawField(group, key), field + "." + key) || parse(defaults[key], field);
    if (value) box[key] = value;
  }
  return box;
}

/** The CSS property a box field goes to: PROPS, else the field's name in kebab case. */
function cssProperty(key: string): string {
  return PROPS[key] || key.replace(/[A-Z]/g, "-$&").toLowerCase();
}

/**
 * Integrators name fonts only phones have (PingFangSC-*); a font family keeps a fallback that is
 * not serif.
 */
function cssValue(key: string, value: string): string {
  return key === "fontFamily" ? value + ", sans-serif" : value;
}

/** Takes the box out of the flow at `high`, from `distance` or centred. */
function placeAt(el: HTMLElement, high: string, distance: string | undefined): void {
  el.classList.add("ydrz-placed");
  setStyle(el, "top", high);
  if (distance) setStyle(el, "left", distance);
  else el.classList.add("ydrz-center-x");
}

/** Applies a box (see the module comment); `lookOnly`: not its placement. Returns the box. */
export function applyBox(el: HTMLElement, box: Box, lookOnly?: boolean): Box {
  const { high, left } = box;
  // "center" is the default in both cases: no distance from the left.
  const distance = left === "center" ? undefined : left;
  if (!lookOnly && high) {
    placeAt(el, high, distance);
  } else if (!lookOnly && distance) {
    el.classList.add("ydrz-flow-left");
    setStyle(el, "margin-left", distance);
  }
  for (const key of Object.keys(box)) {
    const value = box[key];
    if (key === "high" || key === "left" || !value) continue;
    setStyle(el, cssProperty(key), cssValue(key, value));
  }
  return box;
}

/** An option group to read and apply to an element (`applyGroup`). */
export interface GroupOptions {
  /** The option group as given (untrusted). */
  raw: unknown;
  /** Its name in the options, for warnings (e.g. `agreeStyle.hrefStyle`). */
  field: string;
  /** Its defaults, written like options. */
  defaults?: Defaults;
  /** Apply the look only, never the placement (`high`, `left`). */
  lookOnly?: boolean;
}

/** An option group read over its defaults and applied to `el`. Returns the box. */
export function applyGroup(el: HTMLElement, group: GroupOptions): Box {
  const box = readBox(group.raw, group.field, group.defaults);
  return applyBox(el, box, group.lookOnly);
}
