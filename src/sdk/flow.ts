/**
 * `getTokenInfo` from the number fetch to the view: CM pre-fetch (with getPageOption alongside for
 * the standard popup), then Telecom, then Unicom, then either the accessToken (authLevel "5") or
 * the authorization view. Every await is followed by a check of `session.done`: once the call has
 * settled (endGetToken, cancel) the flow stops without touching anything.
 */

import { OK, SDK_CODES, SUCCESS_MESSAGES } from "../protocol/codes";
import type { Carrier } from "../protocol/hosts";
import type { MountView } from "../views/contract";
import { authorize, type AuthorizeInput, type Layer, type ViewSettings } from "./authorize";
import { cmPrefetch, type FetchOutcome } from "./cm-prefetch";
import type { StepContext } from "./context";
import { crossCarrierFetch, type CrossCarrier } from "./cross-carrier";
import type { Report } from "./once";
import { fetchPageOption } from "./page-option";
import type { NumberAnswer } from "./responses";
import type { Session } from "./session";
import type { AccessTokenSuccess, CarrierResult, FetchFailure } from "./types";

export interface FlowEnv {
  mountView: MountView;
  document: Document | undefined;
  settings: ViewSettings;
  report: Report;
  /** The accessToken of an authLevel "5" flow, for a later `authGetToken`. */
  onAccessToken(answer: NumberAnswer, userInformation: string): void;
  /** The custom popup without mask is up: `authGetTokenByLayer` may now be used. */
  onLayer(layer: Layer): void;
}

/** When the CM gateway names the subscriber's carrier, the others cannot hand out its number. */
export function ruledOut(carrier: CrossCarrier, owner: Carrier | undefined): boolean {
  return owner !== undefined && owner !== carrier;
}


async function fetchNumber(session: Session, ctx: StepContext): Promise<{ answer: NumberAnswer; carrier: Carrier } | FetchFailure | undefined> {
  const cm = await session.time("CM", cmPrefetch(ctx));
  if (session.done) return undefined;
  if (cm.ok) return { answer: cm.answer, carrier: "CM" };
  const entries: Record<CrossCarrier, CarrierResult> = { CT: { ...SDK_CODES.skippedCT }, CU: { ...SDK_CODES.skippedCU } };
  for (const carrier of ["CT", "CU"] as const) {
    if (ruledOut(carrier, cm.owner)) continue;
    const outcome: FetchOutcome = await session.time(carrier, crossCarrierFetch(carrier, ctx));
    if (session.done) return undefined;
    if (outcome.ok) return { answer: outcome.answer, carrier };
    entries[carrier] = outcome.entry;
  }
  return { msgId: session.msgId, YDData: cm.entry, CTData: entries.CT, CUData: entries.CU };
}

export async function runFlow(session: Session, ctx: StepContext, env: FlowEnv): Promise<void> {
  // Started before the pre-fetch; its failure only means a popup with default texts.
  const pageOption = ctx.data.authPageType === "1" ? session.time("pageOption", fetchPageOption(ctx)) : undefined;
  const found = await fetchNumber(session, ctx);
  if (!found) return;
  if (!("answer" in found)) return session.fail({ ...found, timing: session.timingSnapshot() });

  const { answer, carrier } = found;
  if (answer.authLevel === "5") {
    env.onAccessToken(answer, ctx.userInformation);
    const payload: AccessTokenSuccess = {
      code: OK,
      message: SUCCESS_MESSAGES.accessToken,
      msgId: session.msgId,
      accessToken: answer.accessToken,
      maskPhone: answer.maskPhone,
      oper: carrier,
      timing: session.timingSnapshot(),
    };
    return session.succeed(payload);
  }
  const option = pageOption ? await pageOption : undefined;
  if (session.done) return;
  // env carries the view hooks authorize needs (mountView, document, settings, report).
  const layer = authorize({ ...env, session, ctx, answer: answer as AuthorizeInput["answer"], carrier, pageOption: option });
  if (layer) env.onLayer(layer);
}
