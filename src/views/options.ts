/**
 * Normalisation of option values (seed 003 §3.5.3/§3.6.2, views.md "Option semantics"). Every
 * function takes anything and returns either a validated CSS value or `undefined` (= use the
 * default); none of them throws. Invalid, non-empty values are reported once with a warning so
 * integrators can find their typo.
 */

import { isSafeStyleValue } from "./sanitize";

/** The original's page documents set `<html>` to 12px; our views live in the host page. */
export const REM_PX = 12;

export function warnOption(field: string, value: unknown): void {
  if (typeof console !== "undefined" && console.warn) {
    console.warn(`[ydrz-jssdk] ignored invalid option ${field}:`, typeof value === "string" ? value.slice(0, 80) : typeof value);
  }
}

/** `{}` for anything that is not a plain object, so that `obj(x).field` is always safe. */
export function obj(value: unknown): Record<string, unknown> {
  if (value === null || typeof value !== "object" || Array.isArray(value)) return {};
  return value as Record<string, unknown>;
}

function isEmpty(value: unknown): boolean {
  return value === undefined || value === null || (typeof value === "string" && value.trim() === "");
}

function round(n: number): string {
  return String(Math.round(n * 100) / 100);
}

const LENGTH = /^([+-]?(?:\d+(?:\.\d*)?|\.\d+))(px|%|rem|vw|vh|em)?$/i;

/**
 * "20px", "50%", "1.5rem" (×12px), "10vw", a bare number or numeric string (px).
 * `percent: false` for fields the seed gives only as numbers (font sizes).
 */
export function length(value: unknown, field: string, opts: { percent?: boolean; negative?: boolean } = {}): string | undefined {
  if (isEmpty(value)) return undefined;
  let n: number;
  let unit: string;
  if (typeof value === "number") {
    n = value;
    unit = "px";
  } else if (typeof value === "string") {
    const m = LENGTH.exec(value.trim());
    if (!m) return invalid(field, value);
    n = Number(m[1]);
    unit = (m[2] || "px").toLowerCase();
  } else {
    return invalid(field, value);
  }
  if (!Number.isFinite(n) || Math.abs(n) > 100000) return invalid(field, value);
  if (n < 0 && !opts.negative) return invalid(field, value);
  if (unit === "%" && opts.percent === false) return invalid(field, value);
  // rem and em both meant "relative to the original page's 12px root".
  if (unit === "rem" || unit === "em") return round(n * REM_PX) + "px";
  return round(n) + unit;
}

/** `left`: a length or "center". */
export function position(value: unknown, field: string): string | "center" | undefined {
  if (typeof value === "string" && value.trim().toLowerCase() === "center") return "center";
  return length(value, field, { negative: true });
}

/**
 * `high`: a length from the top. The seed's own example passes "center" for a custom control's
 * `high`; that is not a distance, so the control keeps its default place (no warning).
 */
export function offsetTop(value: unknown, field: string): string | undefined {
  if (typeof value === "string" && value.trim().toLowerCase() === "center") return undefined;
  return length(value, field, { negative: true });
}

const HEX = /^#(?:[0-9a-f]{3}|[0-9a-f]{4}|[0-9a-f]{6}|[0-9a-f]{8})$/i;
const COLOR_FN = /^(?:rgba?|hsla?|hwb|lab|lch|oklab|oklch)\(\s*[-+0-9.%a-z\s,/]*\)$/i;
const COLOR_NAME = /^[a-z]{3,30}$/i;

let probe: HTMLElement | undefined;
/** Whether the style engine itself accepts the value for the property (browsers and jsdom). */
function engineAccepts(prop: string, value: string): boolean {
  if (typeof document === "undefined") return true;
  try {
    probe = probe || document.createElement("span");
    probe.style.removeProperty(prop);
    probe.style.setProperty(prop, value);
    const ok = probe.style.getPropertyValue(prop) !== "";
    probe.style.removeProperty(prop);
    return ok;
  } catch {
    return false;
  }
}

/** Hex (3/4/6/8 digits), colour functions and named colours, as the browser accepts them. */
export function colour(value: unknown, field: string): string | undefined {
  if (isEmpty(value)) return undefined;
  if (typeof value !== "string") return invalid(field, value);
  const v = value.trim();
  if (HEX.test(v)) return v;
  if ((COLOR_FN.test(v) || COLOR_NAME.test(v)) && isSafeStyleValue(v) && engineAccepts("color", v)) return v;
  return invalid(field, value);
}

/** `true`, `"true"` and the seed's own typo `"ture"`; `false`/`"false"`; else the default. */
export function flag(value: unknown, fallback: boolean): boolean {
  if (value === true) return true;
  if (value === false) return false;
  if (typeof value === "string") {
    const v = value.trim().toLowerCase();
    if (v === "true" || v === "ture") return true;
    if (v === "false") return false;
  }
  return fallback;
}

/** 0.0 … 1.0, as number or string. */
export function opacity(value: unknown, field: string): string | undefined {
  if (isEmpty(value)) return undefined;
  const n = typeof value === "number" ? value : typeof value === "string" ? Number(value.trim()) : NaN;
  if (!Number.isFinite(n) || n < 0 || n > 1) return invalid(field, value);
  return String(n);
}

const FAMILY = /^[\p{L}\p{N} ,_-]{1,120}$/u;
/** Family names without quotes (names with spaces work unquoted in CSS font-family lists). */
export function fontFamily(value: unknown, field: string): string | undefined {
  if (isEmpty(value)) return undefined;
  if (typeof value !== "string" || !FAMILY.test(value.trim())) return invalid(field, value);
  return value.trim();
}

export function fontWeight(value: unknown, field: string): string | undefined {
  if (isEmpty(value)) return undefined;
  const v = String(value).trim().toLowerCase();
  if (/^(?:normal|bold|bolder|lighter|[1-9]00)$/.test(v)) return v;
  return invalid(field, value);
}

function keyword(value: unknown, field: string, allowed: readonly string[]): string | undefined {
  if (isEmpty(value)) return undefined;
  const v = typeof value === "string" ? value.trim().toLowerCase() : "";
  if (allowed.includes(v)) return v;
  return invalid(field, value);
}

export const textAlign = (value: unknown, field: string): string | undefined =>
  keyword(value, field, ["left", "center", "right", "justify", "start", "end"]);

export const textDecoration = (value: unknown, field: string): string | undefined =>
  keyword(value, field, ["none", "underline", "overline", "line-through"]);

const BORDER = /^(?:(?:thin|medium|thick|\d*\.?\d+(?:px|rem|em)?|none|hidden|dotted|dashed|solid|double|groove|ridge|inset|outset|#[0-9a-f]{3,8}|[a-z]+|(?:rgba?|hsla?)\([\d\s.,%/]*\))(?:\s+|$)){1,3}$/i;

/**
 * "0", "none", or width/style/colour such as "1px solid #FFFFFF" (rem counts 12px): checked
 * token by token, then by the style engine (which also rejects a bad colour like "#FFFFF").
 */
export function border(value: unknown, field: string): string | undefined {
  if (isEmpty(value)) return undefined;
  const v = String(value).trim().replace(/(\d*\.?\d+)r?em\b/gi, (_, n) => round(Number(n) * REM_PX) + "px");
  if (typeof value === "number" ? value === 0 : BORDER.test(v) && isSafeStyleValue(v) && engineAccepts("border", v)) return v;
  return invalid(field, value);
}

function invalid(field: string, value: unknown): undefined {
  warnOption(field, value);
  return undefined;
}

/** A display text option: strings (even "" where the seed allows an empty title) or the default. */
export function textOption(value: unknown, fallback: string, opts: { allowEmpty?: boolean } = {}): string {
  if (typeof value === "number" && Number.isFinite(value)) return String(value);
  if (typeof value !== "string") return fallback;
  if (value.trim() === "" && !opts.allowEmpty) return fallback;
  return value.slice(0, 200);
}
