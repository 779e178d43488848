/**
 * `getTokenInfo` from the number fetch to the view: CM pre-fetch (wire-protocol.md §1, with
 * getPageOption §3 alongside for the standard popup), then Telecom, then Unicom, then either the
 * accessToken (authLevel "5") or the authorization view. Every await is followed by a check of
 * `session.done`: once the call has settled (endGetToken, cancel) the flow stops without touching
 * anything.
 */

import { INNER_ERROR, OK, SKIPPED_CT, SKIPPED_CU, SUCCESS_MESSAGES } from "../protocol/codes";
import { joinUrl, PATHS, type Carrier } from "../protocol/hosts";
import { authorize } from "./authorize";
import { apiUrl, fetched, idHeaders, requestOptions, type StepContext } from "./context";
import { crossCarrierFetch } from "./cross-carrier";
import { asRecord, readNumberAnswer, readPageOption, recordOf, type NumberAnswer } from "./responses";
import type { CarrierResult } from "./types";

/** The CM pre-fetch, sent as text/plain JSON so that the browser needs no CORS preflight. */
async function cmPrefetch(ctx: StepContext): Promise<NumberAnswer | undefined> {
  const d = ctx.data;
  // The documented fields in the documented order (a replacer array picks and orders the keys).
  const body = JSON.stringify(
    { ...d, msgId: d.traceId, userInformation: ctx.userInformation },
    "version timestamp appId businessType traceId msgId sign authPageType userInformation expandParams".split(" "),
  );
  try {
    const r = await ctx.transport.postText(joinUrl(ctx.hosts.cm, PATHS.preGetMobile), body, requestOptions(ctx));
    // The fields come wrapped in `body`; accept a flat answer too.
    return readNumberAnswer(asRecord(recordOf(r).body) || r);
  } catch {
    return undefined;
  }
}

/** `getPageOption` needs no accessToken; its failure only means a popup with default texts. */
async function fetchPageOption(ctx: StepContext) {
  const d = ctx.data;
  const headers = { ...idHeaders(d), interfaceVersion: "1.0", timestamp: d.timestamp, businessType: d.businessType };
  try {
    return readPageOption(await ctx.transport.get(apiUrl(ctx, PATHS.pageOption), requestOptions(ctx, headers)));
  } catch {
    return undefined;
  }
}

export async function runFlow(ctx: StepContext): Promise<void> {
  const { session } = ctx;
  const { msgId } = session;
  const pageOption = ctx.data.authPageType === "1" ? session.time("pageOption", fetchPageOption(ctx)) : undefined;
  const cmAnswer = await session.time("CM", cmPrefetch(ctx));
  if (session.done) return;
  let outcome = fetched(cmAnswer, INNER_ERROR);
  let carrier: Carrier = "CM";
  const YDData = outcome;
  const entries: Record<string, CarrierResult> = { CT: { ...SKIPPED_CT }, CU: { ...SKIPPED_CU } };
  // When the CM gateway names the subscriber's carrier, the others cannot hand out its number.
  const owner = cmAnswer && cmAnswer.owner;
  for (const c of ["CT", "CU"] as const) {
    if ("accessToken" in outcome || (owner && owner !== c)) continue;
    outcome = await session.time(c, crossCarrierFetch(c, ctx));
    if (session.done) return;
    carrier = c;
    entries[c] = outcome;
  }
  if (!("accessToken" in outcome)) return session.fail({ msgId, YDData, CTData: entries.CT, CUData: entries.CU, timing: session.timing() });

  const answer = outcome;
  if (answer.authLevel === "5") {
    ctx.onAccessToken!({ ...answer, userInformation: ctx.userInformation });
    return session.succeed({
      code: OK,
      message: SUCCESS_MESSAGES.accessToken,
      msgId,
      accessToken: answer.accessToken,
      maskPhone: answer.maskPhone,
      oper: carrier,
      timing: session.timing(),
    });
  }
  const option = pageOption && (await pageOption);
  if (session.done) return;
  session.layer = authorize(ctx, answer as NumberAnswer & { authLevel: "1" | "4" }, carrier, option);
}
