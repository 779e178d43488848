/**
 * Normalisation of option values (seed 003 §3.5.3/§3.6.2, views.md "Option semantics"). Every
 * validator takes anything and returns either a validated CSS value or `undefined` (= use the
 * default); none of them throws. Invalid, non-empty values are reported with a warning that names
 * the field, so integrators can find their typo.
 */

/** The original's page documents set `<html>` to 12px; our views live in the host page. */
export const REM_PX = 12;

/** A validator: (value, field path for the warning) → CSS value or undefined. */
export type Parse = (value: unknown, field: string) => string | undefined;

/** `{}` for anything that is not a plain object, so that `obj(x).field` is always safe. */
export const obj = (value: unknown): Record<string, unknown> =>
  value && typeof value == "object" && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};

/**
 * A validator from a check that returns the CSS value, or nothing when the value is invalid.
 * Missing and blank values mean "the default", silently, and never reach the check. Strings
 * reach it trimmed, numbers as strings, anything else as "" (which no check accepts).
 */
const validator =
  (check: (value: string) => unknown): Parse =>
  (value, field) => {
    if (value == null || (typeof value == "string" && !value.trim())) return;
    const v = check(
      typeof value == "string" || typeof value == "number" ? (value + "").trim() : "",
    );
    if (!v)
      console.warn(
        "YDRZAuthLogin: ignored invalid option " + field + ":",
        typeof value == "string" ? value.slice(0, 80) : typeof value,
      );
    return v ? v + "" : undefined;
  };

const round = (n: number): number => Math.round(n * 100) / 100;

const LENGTH = /^([+-]?(?:\d+\.?\d*|\.\d+))(px|%|r?em|vw|vh)?$/i;

/**
 * "20px", "50%", "1.5rem" (×12px), "10vw", a bare number or numeric string (px).
 * `noPercent` for fields the seed gives only as numbers (font sizes); `negative` for distances
 * that may be negative.
 */
const lengthOf = (noPercent?: boolean, negative?: boolean): Parse =>
  validator((v) => {
    const m = LENGTH.exec(v);
    const n = m ? +m[1] : NaN;
    const unit = ((m && m[2]) || "px").toLowerCase();
    // rem and em both meant "relative to the original page's 12px root".
    return (
      Math.abs(n) <= 1e5 &&
      (n >= 0 || negative) &&
      (unit != "%" || !noPercent) &&
      (/em/.test(unit) ? round(n * REM_PX) + "px" : round(n) + unit)
    );
  });

export const length = lengthOf();

/** Font sizes: lengths without percentages. */
export const fontSize = lengthOf(true);

/** Distances that may be negative (a close button hanging over the edge, `left`, `high`). */
export const signed = lengthOf(false, true);

const isCenter = (value: unknown): boolean =>
  typeof value == "string" && value.trim().toLowerCase() == "center";

/** `left`: a length (negative allowed) or "center". */
export const position: Parse = (value, field) =>
  isCenter(value) ? "center" : signed(value, field);

/**
 * `high`: a length from the top. The seed's own example passes "center" for a custom control's
 * `high`; that is not a distance, so the control keeps its default place (no warning).
 */
export const offsetTop: Parse = (value, field) =>
  isCenter(value) ? undefined : signed(value, field);

let probe: CSSStyleDeclaration | undefined;

/**
 * A value the style engine itself accepts for `prop` (browsers and jsdom): colours in every form
 * the browser knows, borders checked down to their colour. Their characters are few, so that no
 * engine, however lax, can take `;`, `}`, quotes, comments or `!important` in them; `url(` is no
 * colour and no border.
 */
const accepted = (prop: string, rem?: boolean): Parse =>
  validator((v) => {
    // A border's rem counts 12px like every other length.
    if (rem) v = v.replace(/(\d*\.?\d+)r?em\b/gi, (_, n) => round(n * REM_PX) + "px");
    const s = (probe = probe || document.createElement("i").style);
    s.cssText = "";
    s.setProperty(prop, v);
    // Counting the declarations set, not reading the value back: Chrome serialises an accepted
    // `border: none` as "".
    return /^[\w\s#(),.%/+-]+$/.test(v) && s.length && v;
  });

/** Hex (3/4/6/8 digits), colour functions and named colours, as the browser accepts them. */
export const colour = accepted("color");

/** 0, "0", "none", or width/style/colour such as "1px solid #FFFFFF" (rem counts 12px). */
export const border = accepted("border", true);

/** `true`, `"true"` and the seed's own typo `"ture"`; `false`/`"false"`; else the default. */
export function flag(value: unknown, fallback: boolean): boolean {
  const v = typeof value == "string" ? value.trim().toLowerCase() : value;
  return v === true || v === "true" || v === "ture" || (v !== false && v !== "false" && fallback);
}

/** 0.0 … 1.0, as number or string. */
export const opacity = validator((v) => v && +v >= 0 && +v <= 1 && +v + "");

/** A value that must match `re`: keywords lower-cased, or with `names` as written. */
const matching = (re: RegExp, names?: boolean): Parse =>
  validator((v) => re.test(v) && (names ? v : v.toLowerCase()));

/** Family names without quotes (names with spaces work unquoted in CSS font-family lists). */
export const fontFamily = matching(/^[\p{L}\p{N} ,_-]{1,120}$/u, true);
export const fontWeight = matching(/^(normal|bold|bolder|lighter|[1-9]00)$/i);
export const textAlign = matching(/^(left|center|right|justify|start|end)$/i);
export const textDecoration = matching(/^(none|underline|overline|line-through)$/i);

/** A display text option: strings (even "" where the seed allows an empty title) or the default. */
export function textOption(value: unknown, fallback: string, allowEmpty?: boolean): string {
  if (typeof value == "number" && isFinite(value)) return value + "";
  return typeof value != "string" || (!value.trim() && !allowEmpty)
    ? fallback
    : value.slice(0, 200);
}
