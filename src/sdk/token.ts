/**
 * The token request (wire-protocol.md §4): the accessToken plus MD5 of the completed number, with
 * a fresh timestamp. 104012 (wrong hidden digits) is told apart because the views keep the user
 * on the page for another try instead of ending the flow.
 */

import { INNER_ERROR, OK, TOKEN_CODES, WRONG_DIGITS } from "../protocol/codes";
import { PATHS } from "../protocol/hosts";
import { formatTimestamp } from "../protocol/timestamp";
import { postApi, type StepContext } from "./context";
import { md5Hex } from "./crypto";
import { codeError } from "./errors";
import { readCodedAnswer, readString, recordOf, type CodedAnswer } from "./responses";
import type { CodeError } from "./types";

/**
 * Requests the token (timed as "token") and settles the session with the outcome, except for a
 * 104012, whose payload it returns unsettled: the caller decides who hears of it. `fullPhone` is
 * the completed number, hashed before it leaves the browser.
 */
export async function requestToken(ctx: StepContext, accessToken: string, fullPhone: string): Promise<CodeError | undefined> {
  const { data: d, session } = ctx;
  const msgId = d.traceId;
  let answer: CodedAnswer | undefined;
  try {
    const headers = { timestamp: formatTimestamp(new Date(ctx.now())), businessType: d.businessType };
    const body = { accessToken, phone: md5Hex(fullPhone), userInformation: ctx.userInformation, expandParams: d.expandParams };
    answer = readCodedAnswer(await session.time("token", postApi(ctx, PATHS.authGetToken, body, headers)));
  } catch {
    // reported as 103005 below
  }
  const code = answer ? answer.code : "";
  const message = (answer && answer.message) || TOKEN_CODES[code] || "";
  const token = answer && readString(recordOf(answer.data).token);
  if (code === OK && token)
    return void session.succeed({ code: OK, message, token, userInformation: ctx.userInformation, msgId, timing: session.timing() });
  const payload = !code || code === OK ? codeError(INNER_ERROR, msgId) : codeError({ code, message }, msgId);
  if (code === WRONG_DIGITS) return payload;
  session.fail(payload);
}
