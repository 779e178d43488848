/**
 * Normalisation of option values (the option tables of the custom popup and the custom page).
 * Every validator takes anything and returns either a validated CSS value or `undefined` (= use
 * the default); none of them throws. Invalid, non-empty values are reported with a warning that
 * names the field, so integrators can find their typo.
 */

/** The original's page documents set `<html>` to 12px; our views live in the host page. */
export const REM_PX = 12;

/** A validator: (value, field path for the warning) → CSS value or undefined. */
export type Parse = (value: unknown, field: string) => string | undefined;

/** `{}` for anything that is not a plain object, so that `obj(x).field` is always safe. */
export function obj(value: unknown): Record<string, unknown> {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return {};
  return value as Record<string, unknown>;
}

/** What a check receives: strings trimmed, numbers as strings, anything else as "". */
function checkInput(value: unknown): string {
  if (typeof value === "string") return value.trim();
  if (typeof value === "number") return String(value);
  return "";
}

/** Missing and blank values mean "the default", silently. */
function isUnset(value: unknown): boolean {
  if (value === undefined || value === null) return true;
  return typeof value === "string" && !value.trim();
}

function warnInvalid(field: string, value: unknown): void {
  const shown = typeof value === "string" ? value.slice(0, 80) : typeof value;
  console.warn("YDRZAuthLogin: ignored invalid option " + field + ":", shown);
}

/**
 * A validator from a check that returns the CSS value, or nothing (or "") when the value is
 * invalid. Unset values never reach the check; "" (anything but a string or a number) is
 * accepted by none.
 */
function validator(check: (value: string) => string | undefined): Parse {
  return (value, field) => {
    if (isUnset(value)) return undefined;
    const css = check(checkInput(value));
    if (!css) {
      warnInvalid(field, value);
      return undefined;
    }
    return css;
  };
}

/** Two decimals are plenty for a CSS length and keep the values readable in the DOM. */
const round = (n: number): number => Math.round(n * 100) / 100;

const LENGTH = /^([+-]?(?:\d+\.?\d*|\.\d+))(px|%|r?em|vw|vh)?$/i;

/** Which lengths a field accepts beyond non-negative px, rem, em, vw and vh. */
interface LengthRules {
  /** Percentages (not for font sizes, which the option tables give only as numbers). */
  percent: boolean;
  /** Negative distances (a close button hanging over the edge, `left`, `high`). */
  negative: boolean;
  /** Font sizes: only FONT_PX px (or FONT_VIEWPORT vw/vh), readable and cells that hold a digit. */
  font?: boolean;
}

/** Readable font sizes in px; the digit cells are sized from `phoneStyle.fontSize`. */
const FONT_PX = [8, 96];

/** The same in vw/vh (about 7 to 72 px on a 360 px wide phone). */
const FONT_VIEWPORT = [2, 20];

/** "20px", "50%", "1.5rem" (×12px), "10vw", a bare number or numeric string (px). */
function lengthOf(rules: LengthRules): Parse {
  return validator((text) => {
    const match = LENGTH.exec(text);
    if (!match) return undefined;
    const n = Number(match[1]);
    const unit = (match[2] || "px").toLowerCase();
    if (Math.abs(n) > 1e5) return undefined;
    if (n < 0 && !rules.negative) return undefined;
    if (unit === "%" && !rules.percent) return undefined;
    // rem and em both meant "relative to the original page's 12px root".
    const rem = unit === "em" || unit === "rem";
    const value = rem ? n * REM_PX : n;
    const [min, max] = unit[0] === "v" ? FONT_VIEWPORT : FONT_PX;
    if (rules.font && !(value >= min && value <= max)) return undefined;
    return rem ? String(round(value)) + "px" : String(round(n)) + unit;
  });
}

export const length = /*#__PURE__*/ lengthOf({ percent: true, negative: false });

/**
 * Font sizes: lengths without percentages, within a readable range; outside it (`0`, `1e4`) the
 * default applies, so that digit cells never shrink below what holds a typed digit.
 */
export const fontSize = /*#__PURE__*/ lengthOf({ percent: false, negative: false, font: true });

/** Distances that may be negative (a close button hanging over the edge, `left`, `high`). */
export const signed = /*#__PURE__*/ lengthOf({ percent: true, negative: true });

const isCenter = (value: unknown): boolean =>
  typeof value === "string" && value.trim().toLowerCase() === "center";

/** `left`: a length (negative allowed) or "center". */
export const position: Parse = (value, field) => {
  if (isCenter(value)) return "center";
  return signed(value, field);
};

/**
 * `high`: a length from the top. The documented example passes "center" for a custom control's
 * `high`; that is not a distance, so the control keeps its default place (no warning).
 */
export const offsetTop: Parse = (value, field) => {
  if (isCenter(value)) return undefined;
  return signed(value, field);
};

/** The characters of colours and borders: no `;`, `}`, quotes, comments or `!important`. */
const ENGINE_VALUE_CHARACTERS = /^[\w\s#(),.%/+-]+$/;

let probe: CSSStyleDeclaration | undefined;

/** A detached style declaration to try values on (made once). */
function probeStyle(): CSSStyleDeclaration {
  if (!probe) probe = document.createElement("i").style;
  return probe;
}

/** A border's rem (and em) counts 12px like every other length. */
const remToPx = (text: string): string =>
  text.replace(
    /(\d*\.?\d+)r?em\b/gi,
    (_match, n: string) => String(round(Number(n) * REM_PX)) + "px",
  );

/**
 * A value the style engine itself accepts for `prop` (browsers and jsdom): colours in every form
 * the browser knows, borders checked down to their colour. Their characters are few, so that no
 * engine, however lax, can take `;`, `}`, quotes, comments or `!important` in them; `url(` is no
 * colour and no border. `prepare` rewrites the value first.
 */
function accepted(prop: string, prepare = (text: string): string => text): Parse {
  return validator((text) => {
    const value = prepare(text);
    if (!ENGINE_VALUE_CHARACTERS.test(value)) return undefined;
    const style = probeStyle();
    style.cssText = "";
    style.setProperty(prop, value);
    // Counting the declarations set, not reading the value back: Chrome serialises an accepted
    // `border: none` as "".
    if (!style.length) return undefined;
    return value;
  });
}

/** Hex (3/4/6/8 digits), colour functions and named colours, as the browser accepts them. */
export const colour = /*#__PURE__*/ accepted("color");

/** 0, "0", "none", or width/style/colour such as "1px solid #FFFFFF" (rem counts 12px). */
export const border = /*#__PURE__*/ accepted("border", remToPx);

/** `true`, `"true"` and the documented typo `"ture"`; `false`/`"false"`; else the default. */
export function flag(value: unknown, fallback: boolean): boolean {
  const v = typeof value === "string" ? value.trim().toLowerCase() : value;
  if (v === true || v === "true" || v === "ture") return true;
  if (v === false || v === "false") return false;
  return fallback;
}

/** 0.0 … 1.0, as number or string. */
export const opacity = /*#__PURE__*/ validator((text) => {
  if (!text) return undefined;
  const n = Number(text);
  if (!(n >= 0 && n <= 1)) return undefined;
  return String(n);
});

/** A value that must match `pattern`: keywords lower-cased, or with `asWritten` unchanged. */
function matching(pattern: RegExp, asWritten = false): Parse {
  return validator((text) => {
    if (!pattern.test(text)) return undefined;
    return asWritten ? text : text.toLowerCase();
  });
}

/** Family names without quotes (names with spaces work unquoted in CSS font-family lists). */
export const fontFamily = /*#__PURE__*/ matching(/^[\p{L}\p{N} ,_-]{1,120}$/u, true);
export const fontWeight = /*#__PURE__*/ matching(/^(normal|bold|bolder|lighter|[1-9]00)$/i);
export const textAlign = /*#__PURE__*/ matching(/^(left|center|right|justify|start|end)$/i);
export const textDecoration = /*#__PURE__*/ matching(/^(none|underline|overline|line-through)$/i);

/** Display texts are cut to this many characters. */
const TEXT_MAX = 200;

/**
 * A display text option: a string (`allowEmpty`: even "" or blank, where an empty title is
 * allowed), a finite number as its text, or else the default.
 */
export function textOption(value: unknown, fallback: string, allowEmpty?: boolean): string {
  if (typeof value === "number" && Number.isFinite(value)) return String(value);
  if (typeof value !== "string") return fallback;
  if (!value.trim() && !allowEmpty) return fallback;
  return value.slice(0, TEXT_MAX);
}
