/**
 * Step 1 of every flow: the CM number pre-fetch (wire-protocol.md §1), sent as text/plain JSON so
 * that the browser needs no CORS preflight.
 */

import { SDK_CODES, OK } from "../protocol/codes";
import { joinUrl, PATHS, type Carrier } from "../protocol/hosts";
import type { PreGetMobileRequest } from "../protocol/wire";
import { requestOptions, type StepContext } from "./context";
import { readPreGetMobile, type NumberAnswer } from "./responses";
import type { CarrierResult } from "./types";

/** A carrier's number fetch: the answer to show, or its `{code, message}` entry. */
export type FetchOutcome =
  | { ok: true; answer: NumberAnswer }
  | { ok: false; entry: CarrierResult; owner?: Carrier };

export const networkEntry = (): CarrierResult => ({ ...SDK_CODES.network });

/** A failed carrier step; by default the transport failure entry. */
export const failed = (entry: CarrierResult = networkEntry(), owner?: Carrier): FetchOutcome => ({ ok: false, entry, owner });

export async function cmPrefetch(ctx: StepContext): Promise<FetchOutcome> {
  const d = ctx.data;
  const body: PreGetMobileRequest = {
    version: d.version,
    timestamp: d.timestamp,
    appId: d.appId,
    businessType: d.businessType,
    traceId: d.traceId,
    msgId: d.traceId,
    sign: d.sign,
    authPageType: d.authPageType,
    userInformation: ctx.userInformation,
    expandParams: d.expandParams,
  };
  let answer: NumberAnswer | undefined;
  try {
    answer = readPreGetMobile(
      await ctx.transport.postText(joinUrl(ctx.hosts.cm, PATHS.preGetMobile), JSON.stringify(body), requestOptions(ctx)),
    );
  } catch {
    return failed();
  }
  if (!answer) return failed();
  if (answer.code === OK && answer.accessToken !== "") return { ok: true, answer };
  return failed(answer.code === OK ? { ...SDK_CODES.innerError } : { code: answer.code, message: answer.message }, answer.owner);
}
