/**
 * The token request (docs/protocol.md): the accessToken plus MD5 of the completed number, with
 * a fresh timestamp. 104012 (wrong hidden digits) is told apart because the views keep the user
 * on the page for another try instead of ending the flow.
 */

import { INNER_ERROR, OK, WRONG_DIGITS } from "../protocol/codes";
import { PATHS } from "../protocol/hosts";
import { formatTimestamp } from "../protocol/timestamp";
import { sendApi, type StepContext } from "./context";
import { md5Hex } from "./crypto";
import { codeError } from "./errors";
import { coded, readString, recordOf, type Json } from "./responses";
import type { CodeError } from "./types";

/**
 * Requests the token (timed as "token") and settles the session with the outcome, except for a
 * 104012, whose payload it returns unsettled: the caller decides who hears of it. `fullPhone` is
 * the completed number, hashed before it leaves the browser.
 */
export async function requestToken(
  ctx: StepContext,
  accessToken: string,
  fullPhone: string,
): Promise<CodeError | undefined> {
  const { data: d, session } = ctx;
  const { msgId } = session;
  let answer: Json = {};
  try {
    const headers = {
      timestamp: formatTimestamp(new Date(ctx.now())),
      businessType: d.businessType,
    };
    const body = {
      accessToken,
      phone: md5Hex(fullPhone),
      userInformation: ctx.userInformation,
      expandParams: d.expandParams,
    };
    const request = sendApi(ctx, PATHS.authGetToken, { body, headers });
    answer = recordOf(await session.time("token", request));
  } catch {
    // reported as 103005 below
  }
  // The gateway's own text, as for every carrier answer: the gateway always sends one, so the
  // table of texts stays with the emulator.
  const { code, message } = coded(answer);
  const token = readString(recordOf(answer.data).token);
  if (code === OK && token) {
    session.succeed({
      code: OK,
      message,
      token,
      userInformation: ctx.userInformation,
      msgId,
      timing: session.timing(),
    });
    return undefined;
  }
  // Without a code, or a success without a token: our 103005.
  const failure = !code || code === OK ? INNER_ERROR : { code, message };
  const payload = codeError(failure, msgId);
  if (code === WRONG_DIGITS) return payload;
  session.fail(payload);
  return undefined;
}
