/**
 * Readers for gateway answers and integrator input. Everything from outside is untrusted: each
 * reader checks the types it relies on, and what it cannot use reads as "" or an empty record,
 * which the caller maps to a documented payload. Codes arrive as strings or, from sloppy
 * gateways, as numbers.
 */

import { OK } from "../protocol/codes";
import type { PageOption } from "../protocol/wire";
import type { AgreementLink, CarrierResult } from "./types";

export type Json = Record<string, unknown>;

/** Objects as they are; anything else reads as an empty record. */
export const recordOf = (value: unknown): Json =>
  value && typeof value === "object" ? (value as Json) : {};

/** Strings only; anything else "". */
export const readString = (value: unknown): string => (typeof value === "string" ? value : "");

/** Strings, and finite numbers stringified (integrators pass `appId: 300011...`); else "". */
export const text = (value: unknown): string =>
  typeof value === "number" && isFinite(value) ? "" + value : readString(value);

/** The string-valued entries of a record (the rest is dropped as untrusted). */
const stringEntries = (r: Json): [string, string][] =>
  Object.entries(r).filter((e): e is [string, string] => typeof e[1] === "string");

/** `{code, message}` of an answer: `resultCode` and its description (either spelling). */
export const coded = (r: Json): CarrierResult => ({
  code: text(r.resultCode),
  message: readString(r.resultDesc) || readString(r.desc),
});

/** The usable part of a number-fetch answer (CM pre-fetch body, CT/CU callback). */
export interface NumberAnswer extends CarrierResult {
  accessToken: string;
  maskPhone: string;
  authLevel: "1" | "4" | "5";
  appName: string;
  privacyLinks: AgreementLink[];
  /** On failures: the subscriber's real carrier, when the gateway names one (untrusted). */
  owner: unknown;
  /** The answer as sent, for the hosted page (its `authPageUrl`, the raw privacy config). */
  fields: Json;
}

/** `customerPrivacyConfig`: name → url, as an object or as its JSON text. */
function privacyLinks(value: unknown): AgreementLink[] {
  try {
    return stringEntries(recordOf(typeof value === "string" ? JSON.parse(value) : value))
      .filter((e) => e[0])
      .map(([name, url]) => ({ name, url }));
  } catch {
    return [];
  }
}

/**
 * Only "5" (no UI) and "1" (confirm) are taken as given; "4", or an unknown level with a masked
 * number, asks for the hidden digits, the variant that cannot hand out a token without the
 * user's knowledge of the number. An unknown level with a full number is a confirm.
 */
function authLevelOf(level: string, maskPhone: string): NumberAnswer["authLevel"] {
  if (level === "5" || level === "1") return level;
  if (level === "4" || maskPhone.includes("*")) return "4";
  return "1";
}

/** Undefined for an answer without a result code. */
export function readNumberAnswer(value: unknown): NumberAnswer | undefined {
  const r = recordOf(value);
  const result = coded(r);
  if (!result.code) return undefined;
  const maskPhone = readString(r.maskPhone);
  return {
    ...result,
    accessToken: readString(r.accessToken),
    maskPhone,
    authLevel: authLevelOf(text(r.authLevel), maskPhone),
    appName: readString(r.appName),
    privacyLinks: privacyLinks(r.customerPrivacyConfig),
    owner: r.msisdnOwner,
    fields: r,
  };
}

/** `getPageOption`: its string-valued keys (none when the answer has no options). */
export function readPageOption(value: unknown): PageOption | undefined {
  const r = recordOf(value);
  if (text(r.resultCode) === OK)
    return Object.fromEntries(stringEntries(recordOf(recordOf(r.data).pageOption)));
}
