/**
 * `getTokenInfo` from the number fetch to the view: CM pre-fetch (wire-protocol.md §1, with
 * getPageOption §3 alongside for the standard popup), then Telecom, then Unicom, then either the
 * accessToken (authLevel "5") or the authorization view. Every await is followed by a check of
 * `session.done`: once the call has settled (endGetToken, cancel) the flow stops without touching
 * anything.
 */

import {
  CROSS_CARRIER_OFF,
  INNER_ERROR,
  NETWORK,
  OK,
  SKIPPED_CT,
  SKIPPED_CU,
  ACCESS_TOKEN_ISSUED,
} from "../protocol/codes";
import { joinUrl, PATHS, type Carrier } from "../protocol/hosts";
import { authorize, viewKind } from "./authorize";
import { send, sendApi, type StepContext } from "./context";
import { crossCarrierFetch } from "./cross-carrier";
import { readNumberAnswer, readPageOption, recordOf, type NumberAnswer } from "./responses";
import type { CarrierResult } from "./types";

/** The CM pre-fetch, sent as text/plain JSON so that the browser needs no CORS preflight. */
async function cmPrefetch(ctx: StepContext): Promise<NumberAnswer | undefined> {
  const d = ctx.data;
  // The documented fields in the documented order (a replacer array picks and orders the keys).
  const body = JSON.stringify(
    { ...d, msgId: d.traceId, userInformation: ctx.userInformation },
    "version timestamp appId businessType traceId msgId sign authPageType userInformation expandParams".split(
      " ",
    ),
  );
  try {
    const r = await send(ctx, joinUrl(ctx.hosts.cm, PATHS.preGetMobile), body);
    // The fields come wrapped in `body`; accept a flat answer too.
    return readNumberAnswer(recordOf(r).body || r);
  } catch {
    // a network failure
  }
}

export async function runFlow(ctx: StepContext): Promise<void> {
  const { session, data: d } = ctx;
  const { msgId } = session;
  // getPageOption needs no accessToken; its failure only means a popup with default texts.
  const pageOption =
    d.authPageType === "1"
      ? session.time(
          "pageOption",
          sendApi(ctx, PATHS.pageOption, undefined, {
            interfaceVersion: "1.0",
            timestamp: d.timestamp,
            businessType: d.businessType,
          }).then(readPageOption, () => undefined),
        )
      : undefined;
  // The view's first-use costs, paid while the gateway answers (views/index.ts `warmView`); a
  // task of its own, once the pre-fetch is on its way.
  setTimeout(() => session.done || ctx.warmView(viewKind(ctx), ctx.injectCss));
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
    const a = await session.time(
      carrier,
      carrier === "CM" ? cmPrefetch(ctx) : crossCarrierFetch(carrier, ctx),
    );
    if (session.done) return;
    if (a && a.code === OK && (a as NumberAnswer).accessToken) {
      const answer = a as NumberAnswer;
      if (answer.authLevel === "5") {
        ctx.onAccessToken!({ ...answer, userInformation: ctx.userInformation });
        return session.succeed({
          code: OK,
          message: ACCESS_TOKEN_ISSUED,
          msgId,
          accessToken: answer.accessToken,
          maskPhone: answer.maskPhone,
          oper: carrier,
          timing: session.timing(),
        });
      }
      const option = await pageOption;
      if (!session.done)
        session.layer = authorize(
          ctx,
          answer as NumberAnswer & { authLevel: "1" | "4" },
          carrier,
          option,
        );
      return;
    }
    if (carrier === "CM") owner = a && (a as NumberAnswer).owner;
    // 103000 without an accessToken: unusable from CM, the cross-carrier fetch switched off from CT/CU.
    entries[carrier] = {
      ...(!a
        ? NETWORK
        : a.code !== OK
          ? { code: a.code, message: a.message }
          : carrier === "CM"
            ? INNER_ERROR
            : CROSS_CARRIER_OFF),
    };
  }
  session.fail({
    msgId,
    YDData: entries.CM,
    CTData: entries.CT,
    CUData: entries.CU,
    timing: session.timing(),
  });
}
