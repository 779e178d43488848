/**
 * The Telecom / Unicom number fetch (wire-protocol.md §2), tried after CM fails: the encrypted
 * phonescrip request, the carrier gateway's JSONP, and the callback that trades its opaque answer
 * for the masked number and accessToken.
 */

import { OK, SDK_CODES } from "../protocol/codes";
import { CROSS_CARRIER, joinUrl } from "../protocol/hosts";
import type { CarrierCallbackRequest } from "../protocol/wire";
import { failed, type FetchOutcome } from "./cm-prefetch";
import { idHeaders, requestOptions, type StepContext } from "./context";
import { buildPhonescripRequest } from "./reqdata";
import { readCode, readCodedAnswer, readNumberAnswer, readString, recordOf } from "./responses";

export type CrossCarrier = keyof typeof CROSS_CARRIER;

/** Only web URLs may become a script: a gateway answering `javascript:` or `data:` is refused. */
const isScriptUrl = (value: unknown): value is string => typeof value === "string" && /^https?:\/\//i.test(value);

/** Steps 1 and 2: the gateway URL, then its JSONP answer. Resolves with the opaque data. */
async function fetchOpaque(carrier: CrossCarrier, ctx: StepContext): Promise<{ data: unknown } | FetchOutcome> {
  const d = ctx.data;
  const names = CROSS_CARRIER[carrier];
  const body = buildPhonescripRequest(
    { appId: d.appId, version: d.version, msgId: d.traceId, timestamp: d.timestamp, businessType: d.businessType, userAgent: ctx.userAgent },
    ctx.random,
  );
  const step1 = readCodedAnswer(await ctx.transport.postJson(joinUrl(ctx.hosts.api, names.phonescrip), body, requestOptions(ctx, idHeaders(d))));
  if (!step1) return failed();
  if (step1.code !== OK) return failed({ code: step1.code, message: step1.message });
  if (!isScriptUrl(step1.data)) return failed();

  const step2 = recordOf(await ctx.transport.jsonp(step1.data, names.jsonpCallback, requestOptions(ctx)));
  const result = readCode(step2.result);
  if (result === undefined) return failed();
  if (result !== "0") return failed({ code: result, message: readString(step2.data) });
  return { data: step2.data };
}

export async function crossCarrierFetch(carrier: CrossCarrier, ctx: StepContext): Promise<FetchOutcome> {
  const d = ctx.data;
  try {
    const opaque = await fetchOpaque(carrier, ctx);
    if ("ok" in opaque) return opaque;
    const headers = { ...idHeaders(d), businessType: d.businessType, timestamp: d.timestamp, authPageType: d.authPageType };
    const body: CarrierCallbackRequest = { data: opaque.data, ver: "1.0", userInformation: ctx.userInformation };
    const answer = readNumberAnswer(
      await ctx.transport.postJson(joinUrl(ctx.hosts.api, CROSS_CARRIER[carrier].callback), body, requestOptions(ctx, headers)),
    );
    if (!answer) return failed();
    if (answer.code !== OK) return failed({ code: answer.code, message: answer.message });
    // 103000 without an accessToken: the app has the cross-carrier fetch switched off.
    if (answer.accessToken === "") return failed({ ...SDK_CODES.crossCarrierOff });
    return { ok: true, answer };
  } catch {
    return failed();
  }
}
