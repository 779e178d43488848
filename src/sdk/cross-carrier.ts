/**
 * The Telecom / Unicom number fetch (docs/protocol.md), tried after CM fails: the encrypted
 * phonescrip request, the carrier gateway's JSONP, and the callback that trades its opaque answer
 * for the masked number and accessToken.
 */

import { OK } from "../protocol/codes";
import { CROSS_CARRIER } from "../protocol/hosts";
import type { CarrierCallbackRequest } from "../protocol/wire";
import { send, sendApi, type StepContext } from "./context";
import { buildPhonescripRequest } from "./reqdata";
import {
  coded,
  readNumberAnswer,
  readString,
  recordOf,
  text,
  type NumberAnswer,
} from "./responses";
import type { CarrierResult } from "./types";

export type CrossCarrier = keyof typeof CROSS_CARRIER;

/** The carrier's answer or failure entry; undefined for a network failure. Never rejects. */
export async function crossCarrierFetch(
  carrier: CrossCarrier,
  ctx: StepContext,
): Promise<NumberAnswer | CarrierResult | undefined> {
  const d = ctx.data;
  const names = CROSS_CARRIER[carrier];
  try {
    // Step 1: the carrier gateway's URL. Bodies go as JSON text, like the official SDK's: no
    // Content-Type header of ours, so the browser sends text/plain.
    const request = buildPhonescripRequest(
      { ...d, msgId: d.traceId, userAgent: ctx.win()!.navigator.userAgent },
      ctx.random,
    );
    const body = JSON.stringify(request);
    const step1 = recordOf(await sendApi(ctx, names.phonescrip, { body }));
    const failure = coded(step1);
    const url = step1.data;
    if (failure.code !== OK) return failure.code ? failure : undefined;
    // Only web URLs may become a script: a gateway answering `javascript:` or `data:` is refused.
    if (typeof url !== "string" || !/^https?:\/\//i.test(url)) return;

    // Step 2: its JSONP answer, opaque data.
    const step2 = recordOf(await send(ctx, url, { jsonp: names.jsonpCallback }));
    const result = text(step2.result);
    if (result !== "0") {
      return result ? { code: result, message: readString(step2.data) } : undefined;
    }

    // Step 3: the opaque data for the masked number and accessToken. The timestamp is the
    // integrator's signed one, not a fresh one. The official SDK's CUCallback body has no
    // userInformation (it reads it from an object without one), so ours has none either.
    const headers = {
      businessType: d.businessType,
      timestamp: d.timestamp,
      authPageType: d.authPageType,
    };
    const callback: CarrierCallbackRequest = { data: step2.data, ver: "1.0" };
    if (carrier === "CT") callback.userInformation = ctx.userInformation;
    const body3 = JSON.stringify(callback);
    return readNumberAnswer(await sendApi(ctx, names.callback, { body: body3, headers }));
  } catch {
    // a network failure
  }
}
