/**
 * The Telecom / Unicom number fetch (wire-protocol.md §2), tried after CM fails: the encrypted
 * phonescrip request, the carrier gateway's JSONP, and the callback that trades its opaque answer
 * for the masked number and accessToken.
 */

import { CROSS_CARRIER_OFF, OK } from "../protocol/codes";
import { CROSS_CARRIER } from "../protocol/hosts";
import { fetched, networkEntry, postApi, requestOptions, type StepContext } from "./context";
import { buildPhonescripRequest } from "./reqdata";
import { readCodedAnswer, readNumberAnswer, readString, recordOf, text, type NumberAnswer } from "./responses";
import type { CarrierResult } from "./types";

export type CrossCarrier = keyof typeof CROSS_CARRIER;

/** The answer to show, or this carrier's `{code, message}` entry; never rejects. */
export async function crossCarrierFetch(carrier: CrossCarrier, ctx: StepContext): Promise<NumberAnswer | CarrierResult> {
  const d = ctx.data;
  const names = CROSS_CARRIER[carrier];
  try {
    // Step 1: the carrier gateway's URL.
    // The flow data has the appId, version, timestamp and businessType it needs.
    const body = buildPhonescripRequest({ ...d, msgId: d.traceId, userAgent: ctx.userAgent }, ctx.random);
    const step1 = readCodedAnswer(await postApi(ctx, names.phonescrip, body));
    if (step1 && step1.code !== OK) return { code: step1.code, message: step1.message };
    const url = step1 && step1.data;
    // Only web URLs may become a script: a gateway answering `javascript:` or `data:` is refused.
    if (typeof url !== "string" || !/^https?:\/\//i.test(url)) return networkEntry();

    // Step 2: its JSONP answer, opaque data.
    const step2 = recordOf(await ctx.transport.jsonp(url, names.jsonpCallback, requestOptions(ctx)));
    const result = text(step2.result);
    if (!result) return networkEntry();
    if (result !== "0") return { code: result, message: readString(step2.data) };

    // Step 3: the opaque data for the masked number and accessToken.
    const headers = { businessType: d.businessType, timestamp: d.timestamp, authPageType: d.authPageType };
    const answer = readNumberAnswer(await postApi(ctx, names.callback, { data: step2.data, ver: "1.0", userInformation: ctx.userInformation }, headers));
    // 103000 without an accessToken: the app has the cross-carrier fetch switched off.
    return fetched(answer, CROSS_CARRIER_OFF);
  } catch {
    return networkEntry();
  }
}
