/**
 * Readers for gateway answers. Everything from the network is untrusted: each reader checks the
 * types it relies on and returns `undefined` for an answer it cannot use, which the caller maps to
 * a documented payload. Codes arrive as strings or, from sloppy gateways, as numbers.
 */

import { CM_FETCH_CODES, OK } from "../protocol/codes";
import type { Carrier } from "../protocol/hosts";
import type { PageOption } from "../protocol/wire";
import type { AgreementLink } from "./types";

type Json = Record<string, unknown>;

export function asRecord(value: unknown): Json | undefined {
  return value !== null && typeof value === "object" && !Array.isArray(value) ? (value as Json) : undefined;
}

/** `asRecord` for reading: a missing record reads as an empty one. */
export const recordOf = (value: unknown): Json => asRecord(value) || {};

/** Strings as given; finite numbers stringified (integrators pass `appId: 300011...`); else "". */
export function text(value: unknown): string {
  return typeof value === "string" ? value : typeof value === "number" && Number.isFinite(value) ? String(value) : "";
}

/** A code as a string: `text` of it, undefined when empty. */
export const readCode = (value: unknown): string | undefined => text(value) || undefined;

export function readString(value: unknown): string {
  return typeof value === "string" ? value : "";
}

const CARRIERS: readonly Carrier[] = ["CM", "CT", "CU"];
export const isCarrier = (v: unknown): v is Carrier => CARRIERS.includes(v as Carrier);

/** The usable part of a number-fetch answer (CM pre-fetch body, CT/CU callback). */
export interface NumberAnswer {
  code: string;
  message: string;
  accessToken: string;
  maskPhone: string;
  authLevel: "1" | "4" | "5";
  appName: string;
  privacyLinks: AgreementLink[];
  /** On failures: the subscriber's real carrier, when the gateway names one. */
  owner?: Carrier;
}

/**
 * Only "5" (no UI) and "1" (confirm) are taken as given; anything else asks for the hidden digits,
 * the variant that cannot hand out a token without the user's knowledge of the number.
 */
function authLevel(value: unknown, maskPhone: string): NumberAnswer["authLevel"] {
  const level = readCode(value);
  if (level === "5" || level === "1") return level;
  return level === "4" || maskPhone.includes("*") ? "4" : "1";
}

/** `customerPrivacyConfig`: name → url, as an object or as its JSON text. */
export function privacyLinks(value: unknown): AgreementLink[] {
  let config = value;
  if (typeof config === "string") {
    try {
      config = JSON.parse(config);
    } catch {
      return [];
    }
  }
  const record = asRecord(config);
  if (!record) return [];
  return Object.keys(record)
    .filter((name) => name !== "" && typeof record[name] === "string")
    .map((name) => ({ name, url: record[name] as string }));
}

export function readNumberAnswer(value: unknown): NumberAnswer | undefined {
  const r = recordOf(value);
  const code = readCode(r.resultCode);
  if (!code) return undefined;
  const maskPhone = readString(r.maskPhone);
  const answer: NumberAnswer = {
    code,
    message: readString(r.resultDesc) || readString(r.desc) || CM_FETCH_CODES[code] || "",
    accessToken: readString(r.accessToken),
    maskPhone,
    authLevel: authLevel(r.authLevel, maskPhone),
    appName: readString(r.appName),
    privacyLinks: privacyLinks(r.customerPrivacyConfig),
  };
  if (isCarrier(r.msisdnOwner)) answer.owner = r.msisdnOwner;
  return answer;
}

/** The CM pre-fetch wraps the fields in `body`; accept a flat answer too. */
export function readPreGetMobile(value: unknown): NumberAnswer | undefined {
  return readNumberAnswer(asRecord(recordOf(value).body) || value);
}

/** A plain `{resultCode, desc, data}` answer (CT/CU step 1, authGetToken). */
export interface CodedAnswer {
  code: string;
  message: string;
  data: unknown;
}

export function readCodedAnswer(value: unknown): CodedAnswer | undefined {
  const r = recordOf(value);
  const code = readCode(r.resultCode);
  if (!code) return undefined;
  return { code, message: readString(r.desc) || readString(r.resultDesc), data: r.data };
}

const PAGE_OPTION_KEYS = [
  "pageTitle",
  "agreeButtonText",
  "agreeButtonColour",
  "agreeTextColour",
  "configBusinessName",
  "agreeCheckPic",
  "customControlsConf",
] as const satisfies readonly (keyof PageOption)[];

/** `getPageOption`: the string-valued keys the views know, or undefined when unusable. */
export function readPageOption(value: unknown): PageOption | undefined {
  const r = recordOf(value);
  if (readCode(r.resultCode) !== OK) return undefined;
  const raw = asRecord(recordOf(r.data).pageOption);
  if (!raw) return undefined;
  const option: PageOption = {};
  for (const key of PAGE_OPTION_KEYS) {
    if (typeof raw[key] === "string") option[key] = raw[key];
  }
  return option;
}
