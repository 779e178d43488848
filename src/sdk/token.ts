/**
 * The token request (wire-protocol.md §4): the accessToken plus MD5 of the completed number, with
 * a fresh timestamp. 104012 (wrong hidden digits) is told apart because the views keep the user
 * on the page for another try instead of ending the flow.
 */

import { OK, SDK_CODES, TOKEN_CODES, WRONG_DIGITS } from "../protocol/codes";
import { joinUrl, PATHS } from "../protocol/hosts";
import type { AuthGetTokenRequest } from "../protocol/wire";
import { freshTimestamp, idHeaders, requestOptions, type StepContext } from "./context";
import { md5Hex } from "./crypto";
import { codeError } from "./errors";
import { readCodedAnswer, readString, recordOf } from "./responses";
import type { CodeError, TokenSuccess } from "./types";

export type TokenOutcome =
  | { kind: "success"; payload: TokenSuccess }
  | { kind: "wrongDigits"; payload: CodeError }
  | { kind: "error"; payload: CodeError };

export interface TokenInput {
  accessToken: string;
  /** The completed 11-digit number (hashed before it leaves the browser). */
  fullPhone: string;
}

type TokenContext = Pick<StepContext, "data" | "hosts" | "transport" | "timeout" | "signal" | "userInformation" | "now">;

export async function requestToken(ctx: TokenContext, input: TokenInput): Promise<TokenOutcome> {
  const d = ctx.data;
  const msgId = d.traceId;
  const headers = { ...idHeaders(d), timestamp: freshTimestamp(ctx), businessType: d.businessType };
  const body: AuthGetTokenRequest = {
    accessToken: input.accessToken,
    phone: md5Hex(input.fullPhone),
    userInformation: ctx.userInformation,
    expandParams: d.expandParams,
  };
  let answer;
  try {
    answer = readCodedAnswer(
      await ctx.transport.postJson(joinUrl(ctx.hosts.api, PATHS.authGetToken), body, requestOptions(ctx, headers)),
    );
  } catch {
    return { kind: "error", payload: codeError(SDK_CODES.innerError, msgId) };
  }
  if (!answer) return { kind: "error", payload: codeError(SDK_CODES.innerError, msgId) };
  const message = answer.message || TOKEN_CODES[answer.code] || "";
  if (answer.code === OK) {
    const token = readString(recordOf(answer.data).token);
    if (token === "") return { kind: "error", payload: codeError(SDK_CODES.innerError, msgId) };
    return { kind: "success", payload: { code: OK, message, token, userInformation: ctx.userInformation, msgId } };
  }
  const payload = codeError({ code: answer.code, message }, msgId);
  return { kind: answer.code === WRONG_DIGITS ? "wrongDigits" : "error", payload };
}
