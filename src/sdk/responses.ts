/**
 * Readers for gateway answers. Everything from the network is untrusted: each reader checks the
 * types it relies on and returns `undefined` for an answer it cannot use, which the caller maps to
 * a documented payload. Codes arrive as strings or, from sloppy gateways, as numbers.
 */

import { CM_FETCH_FAILURES, OK } from "../protocol/codes";
import type { Carrier } from "../protocol/hosts";
import type { PageOption } from "../protocol/wire";
import type { AgreementLink } from "./types";

type Json = Record<string, unknown>;

export const asRecord = (value: unknown): Json | undefined =>
  value !== null && typeof value === "object" && !Array.isArray(value) ? (value as Json) : undefined;

/** `asRecord` for reading: a missing record reads as an empty one. */
export const recordOf = (value: unknown): Json => asRecord(value) || {};

/**
 * Strings as given; finite numbers stringified (integrators pass `appId: 300011...`, sloppy
 * gateways send numeric codes); else "".
 */
export const text = (value: unknown): string =>
  typeof value === "string" ? value : typeof value === "number" && isFinite(value) ? "" + value : "";

/** Strings only; anything else "". */
export const readString = (value: unknown): string => (typeof value === "string" ? value : "");

export const isCarrier = (v: unknown): v is Carrier => ["CM", "CT", "CU"].includes(v as Carrier);

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

/** `customerPrivacyConfig`: name → url, as an object or as its JSON text. */
export function privacyLinks(value: unknown): AgreementLink[] {
  try {
    const record = recordOf(typeof value === "string" ? JSON.parse(value) : value);
    return Object.keys(record)
      .filter((name) => name !== "" && typeof record[name] === "string")
      .map((name) => ({ name, url: record[name] as string }));
  } catch {
    return [];
  }
}

export function readNumberAnswer(value: unknown): NumberAnswer | undefined {
  const r = recordOf(value);
  const code = text(r.resultCode);
  if (!code) return undefined;
  const maskPhone = readString(r.maskPhone);
  // Only "5" (no UI) and "1" (confirm) are taken as given; anything else asks for the hidden
  // digits, the variant that cannot hand out a token without the user's knowledge of the number.
  const level = text(r.authLevel);
  const answer: NumberAnswer = {
    code,
    message: readString(r.resultDesc) || readString(r.desc) || CM_FETCH_FAILURES[code] || "",
    accessToken: readString(r.accessToken),
    maskPhone,
    authLevel: level === "5" || level === "1" ? level : level === "4" || maskPhone.includes("*") ? "4" : "1",
    appName: readString(r.appName),
    privacyLinks: privacyLinks(r.customerPrivacyConfig),
  };
  if (isCarrier(r.msisdnOwner)) answer.owner = r.msisdnOwner;
  return answer;
}

/** A plain `{resultCode, desc, data}` answer (CT/CU step 1, authGetToken). */
export interface CodedAnswer {
  code: string;
  message: string;
  data: unknown;
}

export function readCodedAnswer(value: unknown): CodedAnswer | undefined {
  const r = recordOf(value);
  const code = text(r.resultCode);
  if (code) return { code, message: readString(r.desc) || readString(r.resultDesc), data: r.data };
}

/** `getPageOption`: the string-valued keys the views know, or undefined when unusable. */
export function readPageOption(value: unknown): PageOption | undefined {
  const r = recordOf(value);
  const raw = text(r.resultCode) === OK && asRecord(recordOf(r.data).pageOption);
  if (!raw) return undefined;
  const option: Record<string, string> = {};
  for (const key of "pageTitle agreeButtonText agreeButtonColour agreeTextColour configBusinessName agreeCheckPic customControlsConf".split(" ")) {
    if (typeof raw[key] === "string") option[key] = raw[key] as string;
  }
  return option;
}
