/**
 * Normalisation of option values (seed 003 §3.5.3/§3.6.2, views.md "Option semantics"). Every
 * validator takes anything and returns either a validated CSS value or `undefined` (= use the
 * default); none of them throws. Invalid, non-empty values are reported with a warning that names
 * the field, so integrators can find their typo.
 */

import { isSafeStyleValue } from "./sanitize";

/** The original's page documents set `<html>` to 12px; our views live in the host page. */
export const REM_PX = 12;

/** A validator: (value, field path for the warning) → CSS value or undefined. */
export type Parse = (value: unknown, field: string) => string | undefined;

/** `{}` for anything that is not a plain object, so that `obj(x).field` is always safe. */
export function obj(value: unknown): Record<string, unknown> {
  return value && typeof value == "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

/**
 * A validator from a check that returns the CSS value, or nothing when the value is invalid.
 * Missing and blank values mean "the default", silently, and never reach the check; an invalid
 * one is reported with a warning that names the field (its path, built by the caller from group
 * + key), so integrators can find their typo.
 */
const validator =
  (check: (value: unknown) => string | false | undefined): Parse =>
  (value, field) => {
    if (value == null || (typeof value == "string" && value.trim() == "")) return;
    const v = check(value);
    if (!v && typeof console != "undefined" && console.warn) {
      console.warn("[ydrz-jssdk] ignored invalid option " + field + ":", typeof value == "string" ? value.slice(0, 80) : typeof value);
    }
    return v || undefined;
  };

const round = (n: number): string => Math.round(n * 100) / 100 + "";

const LENGTH = /^([+-]?(?:\d+(?:\.\d*)?|\.\d+))(px|%|rem|vw|vh|em)?$/i;

/**
 * "20px", "50%", "1.5rem" (×12px), "10vw", a bare number or numeric string (px).
 * `noPercent` for fields the seed gives only as numbers (font sizes); `negative` for distances
 * that may be negative.
 */
export const length = (value: unknown, field: string, noPercent?: boolean, negative?: boolean): string | undefined =>
  validator((v) => {
    // A number goes through the same checks as the digits of a string (NaN, Infinity fail below).
    const m = typeof v == "number" ? ["", v] : LENGTH.exec(typeof v == "string" ? v.trim() : "");
    const n = m ? +m[1] : NaN;
    const unit = ((m && (m[2] as string)) || "px").toLowerCase();
    return (
      Math.abs(n) <= 100000 &&
      (n >= 0 || negative) &&
      (unit != "%" || !noPercent) &&
      // rem and em both meant "relative to the original page's 12px root".
      (unit == "rem" || unit == "em" ? round(n * REM_PX) + "px" : round(n) + unit)
    );
  })(value, field);

/** Font sizes: lengths without percentages. */
export const fontSize: Parse = (value, field) => length(value, field, true);

/** Distances that may be negative (a close button hanging over the edge, `left`, `high`). */
export const signed: Parse = (value, field) => length(value, field, false, true);

const isCenter = (value: unknown): boolean => typeof value == "string" && value.trim().toLowerCase() == "center";

/** `left`: a length (negative allowed) or "center". */
export const position: Parse = (value, field) => (isCenter(value) ? "center" : signed(value, field));

/**
 * `high`: a length from the top. The seed's own example passes "center" for a custom control's
 * `high`; that is not a distance, so the control keeps its default place (no warning).
 */
export const offsetTop: Parse = (value, field) => (isCenter(value) ? undefined : signed(value, field));

/** #rgb, #rgba, #rrggbb, #rrggbbaa. */
const HEX = /^#(?:[0-9a-f]{3,4}|(?:[0-9a-f]{2}){3,4})$/i;
/** rgb(a), hsl(a), hwb, lab, lch, oklab, oklch with plain numeric arguments. */
const COLOR_FN = /^(?:rgba?|hsla?|hwb|(?:ok)?l(?:ab|ch))\(\s*[-+0-9.%a-z\s,/]*\)$/i;
const COLOR_NAME = /^[a-z]{3,30}$/i;

let probe: HTMLElement | undefined;
/** Whether the style engine itself accepts the value for the property (browsers and jsdom). */
function engineAccepts(prop: string, value: string): boolean {
  if (typeof document == "undefined") return true;
  try {
    const s = (probe = probe || document.createElement("span")).style;
    s.removeProperty(prop);
    s.setProperty(prop, value);
    const ok = s.getPropertyValue(prop) != "";
    s.removeProperty(prop);
    return ok;
  } catch {
    return false;
  }
}

/** Hex (3/4/6/8 digits), colour functions and named colours, as the browser accepts them. */
export const colour = validator((value) => {
  const v = typeof value == "string" ? value.trim() : "";
  return (HEX.test(v) || ((COLOR_FN.test(v) || COLOR_NAME.test(v)) && isSafeStyleValue(v) && engineAccepts("color", v))) && v;
});

/** `true`, `"true"` and the seed's own typo `"ture"`; `false`/`"false"`; else the default. */
export function flag(value: unknown, fallback: boolean): boolean {
  const v = typeof value == "string" ? value.trim().toLowerCase() : value;
  return v === true || v === "true" || v === "ture" ? true : v === false || v === "false" ? false : fallback;
}

/** 0.0 … 1.0, as number or string. */
export const opacity = validator((value) => {
  const n = typeof value == "number" || typeof value == "string" ? +value : NaN;
  return n >= 0 && n <= 1 && n + "";
});

/**
 * A value that must match `re`: keywords (strings or numbers, lower-cased), or with `names`
 * strings only, as written.
 */
const matching = (re: RegExp, names?: boolean): Parse =>
  validator((value) => {
    const v = typeof value == "string" || (!names && typeof value == "number") ? (value + "").trim() : "";
    return re.test(v) && (names ? v : v.toLowerCase());
  });

/** Family names without quotes (names with spaces work unquoted in CSS font-family lists). */
export const fontFamily = matching(/^[\p{L}\p{N} ,_-]{1,120}$/u, true);
export const fontWeight = matching(/^(?:normal|bold|bolder|lighter|[1-9]00)$/i);
export const textAlign = matching(/^(?:left|center|right|justify|start|end)$/i);
export const textDecoration = matching(/^(?:none|underline|overline|line-through)$/i);

/** 1–3 tokens: a length, a hex colour, a word (a style or width keyword, a named colour), rgb()/hsl(). */
const BORDER = /^(?:(?:\d*\.?\d+(?:px|rem|em)?|#[0-9a-f]{3,8}|[a-z]+|(?:rgba?|hsla?)\([\d\s.,%/]*\))(?:\s+|$)){1,3}$/i;

/**
 * 0, "0", "none", or width/style/colour such as "1px solid #FFFFFF" (rem counts 12px): checked
 * token by token, then by the style engine (which also rejects a bad colour like "#FFFFF").
 */
export const border = validator((value) => {
  const v = value === 0 ? "0" : typeof value == "string" ? value.trim().replace(/(\d*\.?\d+)r?em\b/gi, (_, n) => round(n * REM_PX) + "px") : "";
  return BORDER.test(v) && isSafeStyleValue(v) && engineAccepts("border", v) && v;
});

/** A display text option: strings (even "" where the seed allows an empty title) or the default. */
export function textOption(value: unknown, fallback: string, allowEmpty?: boolean): string {
  if (typeof value == "number" && isFinite(value)) return value + "";
  return typeof value != "string" || (value.trim() == "" && !allowEmpty) ? fallback : value.slice(0, 200);
}
