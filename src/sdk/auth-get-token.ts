/**
 * Input of `authGetToken` (integrators drawing their own UI after authLevel "5"): which field is
 * missing, the completed number, and the flow data the token request is sent with.
 */

import { SDK_CODES } from "../protocol/codes";
import { completeMaskedPhone } from "../protocol/masked-phone";
import { codeError, type CodeText } from "./errors";
import { missingField, msgIdOf, toFlowData, type FlowData } from "./params";
import { asRecord, text } from "./responses";
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

export function readAuthGetTokenData(value: unknown, issued: IssuedAccessToken | undefined): AuthGetTokenInput {
  const d = asRecord(value);
  const msgId = msgIdOf(d);
  const refuse = (t: CodeText, field?: string) => ({ ok: false as const, payload: codeError(t, msgId, field) });
  const field = missingField(d, ["version", "appId", "traceId", "accessToken"]);
  if (field) return refuse(SDK_CODES.missingParam, field);
  const accessToken = text(d!.accessToken);
  // The original lets integrators omit maskPhone: it keeps the last one it handed out.
  const maskPhone = text(d!.maskPhone) || (issued && issued.maskPhone) || "";
  if (maskPhone === "") return refuse(SDK_CODES.missingParam, "maskPhone");
  const fullPhone = completeMaskedPhone(maskPhone, text(d!.maskVal));
  if (fullPhone === undefined) return refuse(SDK_CODES.digitsIncomplete);
  // Not sent by this request; a stray sign or timestamp of the integrator must not travel on.
  const data: FlowData = { ...toFlowData(d!), sign: "", timestamp: "" };
  return { ok: true, data, accessToken, fullPhone, msgId, issuedBy: issued && issued.accessToken === accessToken ? issued : undefined };
}
