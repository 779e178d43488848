/**
 * `getTokenInfo` from the number fetch to the view: CM pre-fetch (docs/protocol.md, with
 * getPageOption §3 alongside for the standard popup), then Telecom, then Unicom, then either the
 * accessToken (authLevel "5") or the authorization view. Every await is followed by a check of
 * `session.done`: once the call has settled (endGetToken, cancel) the flow stops without touching
 * anything.
 */

import {
  CROSS_CARRIER_OFF,
  INNER_ERROR,
  NETWORK,
  NO_PAGE,
  OK,
  SKIPPED_CT,
  SKIPPED_CU,
  ACCESS_TOKEN_ISSUED,
} from "../protocol/codes";
import { joinUrl, PATHS, type Carrier } from "../protocol/hosts";
import { splitMask } from "../protocol/masked-phone";
import { authorize } from "./authorize";
import { send, sendApi, type StepContext } from "./context";
import { crossCarrierFetch } from "./cross-carrier";
import { codeError } from "./errors";
import { readNumberAnswer, readPageOption, recordOf, type NumberAnswer } from "./responses";
import { PRE_GET_MOBILE_FIELDS, type PageOption } from "../protocol/wire";
import { formatTimestamp } from "../protocol/timestamp";
import type { CarrierResult } from "./types";

/** The CM pre-fetch, sent as text/plain JSON so that the browser needs no CORS preflight. */
async function cmPrefetch(ctx: StepContext): Promise<NumberAnswer | undefined> {
  const d = ctx.data;
  // The documented fields in the documented order (a replacer array picks and orders the keys).
  const body = JSON.stringify({ ...d, msgId: d.traceId, userInformation: ctx.userInformation }, [
    ...PRE_GET_MOBILE_FIELDS,
  ]);
  try {
    const r = await send(ctx, joinUrl(ctx.hosts.cm, PATHS.preGetMobile), { body });
    // The fields come wrapped in `body`; accept a flat answer too.
    return readNumberAnswer(recordOf(r).body || r);
  } catch {
    // a network failure
  }
}

/**
 * getPageOption, for the standard popup only. It needs no accessToken, so it runs alongside the
 * number fetch; its failure only means a popup with default texts.
 */
export function fetchPageOption(ctx: StepContext): Promise<PageOption | undefined> | undefined {
  const d = ctx.data;
  if (d.authPageType !== "1") return undefined;
  // Like authGetToken, and unlike the CT/CU steps, it carries a fresh timestamp.
  const timestamp = formatTimestamp(new Date(ctx.now()));
  const headers = { interfaceVersion: "1.0", timestamp, businessType: d.businessType };
  const request = sendApi(ctx, PATHS.pageOption, { headers }).then(readPageOption, () => undefined);
  return ctx.session.time("pageOption", request);
}

/**
 * What a carrier's failure entry says: its own code, or ours for no answer (network) and for a
 * 103000 without a usable accessToken (unusable from CM, or an uncompletable mask; from CT/CU
 * without any accessToken: the cross-carrier fetch is off).
 */
function failureEntry(carrier: Carrier, answer: NumberAnswer | CarrierResult | undefined) {
  if (!answer) return { ...NETWORK };
  if (answer.code !== OK) return { code: answer.code, message: answer.message };
  if (carrier === "CM" || (answer as NumberAnswer).accessToken) return { ...INNER_ERROR };
  return { ...CROSS_CARRIER_OFF };
}

/**
 * A number fetch that handed out an accessToken, with a number the user can complete: a mask no
 * view could ever submit (splitMask's rule) makes the answer unusable.
 */
function isNumber(answer: NumberAnswer | CarrierResult | undefined): answer is NumberAnswer {
  const a = answer as NumberAnswer | undefined;
  return Boolean(
    a && a.code === OK && a.accessToken && (a.authLevel !== "4" || splitMask(a.maskPhone)),
  );
}

/**
 * What a number with an accessToken leads to: a module-only step that takes it over (the hosted
 * page, `prepare` keeping it), the accessToken itself (authLevel "5"), or our view, which waits
 * for getPageOption's `pageOption` request. Shared by the flow and a prepared `getTokenInfo`.
 */
export async function useNumber(
  ctx: StepContext,
  a: NumberAnswer,
  carrier: Carrier,
  pageOption: Promise<PageOption | undefined> | undefined,
): Promise<void> {
  const { session } = ctx;
  if (ctx.onNumber && ctx.onNumber(ctx, { answer: a, carrier }, pageOption)) return;
  if (a.authLevel === "5") {
    ctx.onAccessToken!({ ...a, userInformation: ctx.userInformation });
    session.succeed({
      code: OK,
      message: ACCESS_TOKEN_ISSUED,
      msgId: session.msgId,
      accessToken: a.accessToken,
      maskPhone: a.maskPhone,
      oper: carrier,
      timing: session.timing(),
    });
    return;
  }
  const option = await pageOption;
  if (session.done) return;
  const answer = a as NumberAnswer & { authLevel: "1" | "4" };
  session.layer = authorize(ctx, { answer, carrier, pageOption: option });
}

export async function runFlow(ctx: StepContext): Promise<void> {
  const { session } = ctx;
  const { msgId } = session;
  if (!ctx.doc()) {
    // Server-side rendering: no request, no view, no timer; one error callback, after the call
    // has returned like every other outcome of the flow.
    await Promise.resolve();
    if (!session.done) session.fail(codeError(NO_PAGE, msgId));
    return;
  }
  const pageOption = fetchPageOption(ctx);
  const entries: Record<Carrier, CarrierResult> = {
    CM: NETWORK,
    CT: { ...SKIPPED_CT },
    CU: { ...SKIPPED_CU },
  };
  const carriers = ["CM", "CT", "CU"] as const;
  let owner: unknown;
  for (const carrier of carriers) {
    // When the CM gateway names the subscriber's carrier, the others cannot hand out its number.
    if (carriers.includes(owner as Carrier) && owner !== carrier) continue;
    const fetch = carrier === "CM" ? cmPrefetch(ctx) : crossCarrierFetch(carrier, ctx);
    const a = await session.time(carrier, fetch);
    if (session.done) return;
    if (isNumber(a)) return useNumber(ctx, a, carrier, pageOption);
    if (carrier === "CM") owner = a && (a as NumberAnswer).owner;
    entries[carrier] = failureEntry(carrier, a);
  }
  session.fail({
    msgId,
    YDData: entries.CM,
    CTData: entries.CT,
    CUData: entries.CU,
    timing: session.timing(),
  });
}
