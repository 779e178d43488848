/**
 * Input of `authGetToken` (integrators drawing their own UI after authLevel "5"): which field is
 * missing, the completed number, and the flow data the token request is sent with.
 */

import { SDK_CODES } from "../protocol/codes";
import { completeMaskedPhone } from "../protocol/masked-phone";
import { codeError } from "./errors";
import { missingField, text, type FlowData } from "./params";
import { asRecord } from "./responses";
import type { CodeError } from "./types";

/** What an authLevel "5" flow handed out, for the `authGetToken` that follows it. */
export interface IssuedAccessToken {
  accessToken: string;
  maskPhone: string;
  userInformation: string;
}

export type AuthGetTokenInput =
  | { ok: true; data: FlowData; accessToken: string; fullPhone: string; msgId: string; issuedBy?: IssuedAccessToken }
  | { ok: false; payload: CodeError };

const REQUIRED = ["version", "appId", "traceId", "accessToken"] as const;

export function readAuthGetTokenData(value: unknown, issued: IssuedAccessToken | undefined): AuthGetTokenInput {
  const d = asRecord(value);
  const msgId = text(d?.traceId);
  const refuse = (t: { code: string; message: string }, field?: string) => ({ ok: false as const, payload: codeError(t, msgId, { field }) });
  const field = d ? missingField(d, REQUIRED) : "data";
  if (!d || field) return refuse(SDK_CODES.missingParam, field);
  const accessToken = text(d.accessToken);
  const issuedBy = issued?.accessToken === accessToken ? issued : undefined;
  // The original lets integrators omit maskPhone: it keeps the last one it handed out.
  const maskPhone = text(d.maskPhone) || issued?.maskPhone || "";
  if (maskPhone === "") return refuse(SDK_CODES.missingParam, "maskPhone");
  const fullPhone = completeMaskedPhone(maskPhone, text(d.maskVal));
  if (fullPhone === undefined) return refuse(SDK_CODES.digitsIncomplete);
  const data: FlowData = {
    version: text(d.version),
    appId: text(d.appId),
    sign: "",
    traceId: msgId,
    timestamp: "",
    expandParams: text(d.expandParams),
    authPageType: text(d.authPageType),
    businessType: text(d.businessType) || "8",
    isTest: text(d.isTest),
  };
  return { ok: true, data, accessToken, fullPhone, msgId, issuedBy };
}
