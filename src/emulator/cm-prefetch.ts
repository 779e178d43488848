/** CM number pre-fetch: `POST /h5/httpsPreGetmobile` (docs/protocol.md). */
import { OK } from "../protocol/codes";
import { PATHS } from "../protocol/hosts";
import { maskPhone } from "../protocol/masked-phone";
import { formatTimestamp } from "../protocol/timestamp";
import type { NumberFetchResult, PreGetMobileResponse } from "../protocol/wire";
import { checkPreGetMobile, checkSubscriber, failure, type Failure } from "./checks";
import { hostedPageUrl } from "./hosted-page";
import {
  checkEnv,
  parseJsonObject,
  publicBaseUrl,
  str,
  verdictRecorder,
  type Answer,
  type ProtocolRoute,
  type RequestContext,
} from "./route";
import type { AppRegistration, Carrier, Sim } from "./types";

/** The number a fetch identified, as its success answer carries it. */
export interface FetchedNumber {
  /** The one-time accessToken that authGetToken redeems. */
  accessToken: string;
  /** The number with its middle digits masked: all the page ever sees of it. */
  maskPhone: string;
  /** The carrier whose gateway identified the subscriber. */
  oper: Carrier;
}

/** The success fields every number fetch answers (CM pre-fetch body, CT/CU callbacks). */
export function numberFetched(
  ctx: RequestContext,
  app: AppRegistration,
  fetched: FetchedNumber,
): NumberFetchResult {
  const result: NumberFetchResult = {
    resultCode: OK,
    resultDesc: "成功",
    accessToken: fetched.accessToken,
    maskPhone: fetched.maskPhone,
    authPageUrl: hostedPageUrl(publicBaseUrl(ctx)),
    authLevel: app.authLevel,
    appName: app.appName,
    oper: fetched.oper,
  };
  const links = app.customerPrivacyConfig;
  if (links !== undefined) {
    // A JSON string on the wire: the official SDK ignores anything but a string that parses.
    result.customerPrivacyConfig = typeof links === "string" ? links : JSON.stringify(links);
  }
  return result;
}

/**
 * What the real gateway adds to every CM answer (docs/protocol.md): the subscriber's carrier
 * as far as the network tells (empty on Wi-Fi / no SIM) and the app's cross-carrier switches.
 */
function ownerFields(
  sim: Sim | undefined,
  app: AppRegistration | undefined,
): Partial<NumberFetchResult> & Record<string, string> {
  return {
    msisdnOwner: sim && sim.network === "cellular" ? sim.carrier : "",
    msisdnOwnerback: "0",
    ctGetMobileSwitch: app?.crossCarrier.ct ? "1" : "0",
    cuGetMobileSwitch: app?.crossCarrier.cu ? "1" : "0",
    keytype: "1",
    ipType: "ipv4",
  };
}

function respond(ctx: RequestContext, body: NumberFetchResult, status?: number): Answer {
  const parsed = parseJsonObject(ctx.body);
  const b = parsed.ok ? parsed.body : {};
  const json: PreGetMobileResponse = {
    header: {
      appId: str(b.appId) ?? "",
      msgId: str(b.msgId) ?? str(b.traceId) ?? "",
      timestamp: formatTimestamp(new Date(ctx.state.now())),
    },
    body,
  };
  return status === undefined ? { json } : { json, status };
}

/** What a CM failure answer and its record say besides the failure itself. */
interface FailureDetails {
  /** The test SIM the request was answered for, when one was chosen. */
  sim?: Sim | undefined;
  /** The app the appId names, when it names one: its cross-carrier switches are answered. */
  app?: AppRegistration | undefined;
  /** The request's traceId, for the record. */
  traceId?: string | undefined;
  /** The appId as sent, recorded when it names no registered app. */
  appId?: string | undefined;
}

function fail(ctx: RequestContext, f: Failure, details: FailureDetails = {}): Answer {
  const { sim, app, traceId } = details;
  const answer = respond(
    ctx,
    { resultCode: f.code, resultDesc: f.desc, ...ownerFields(sim, app) },
    f.status,
  );
  const record: Answer["record"] = { resultCode: f.code, desc: f.desc, carrier: "CM" };
  const id = app?.appId ?? details.appId;
  if (id) record.appId = id.slice(0, 64);
  if (traceId) record.traceId = traceId;
  if (sim) record.simId = sim.id;
  answer.record = record;
  return answer;
}

export const preGetMobileRoute: ProtocolRoute = {
  id: "preGetMobile",
  method: "POST",
  path: PATHS.preGetMobile,
  malformed: '{"header":{"appId":"","msgId":""},"body":{"resultCode":"103000","accessToken":',
  shape(code, desc, ctx) {
    return respond(ctx, {
      resultCode: code,
      resultDesc: desc,
      ...ownerFields(undefined, undefined),
    });
  },
  handle(ctx) {
    const parsed = parseJsonObject(ctx.body);
    if (!parsed.ok) return fail(ctx, failure("cm", "130010", parsed.reason, 400));
    const body = parsed.body;
    const traceId = str(body.traceId);
    const choice = ctx.state.sims.choose(traceId, body.expandParams);
    const sim = choice.ok ? choice.sim : undefined;
    const appForFields = ctx.state.registry.get(str(body.appId) ?? "");
    const checked = checkPreGetMobile(checkEnv(ctx), {
      body,
      headers: ctx.headers,
      onVerdict: verdictRecorder(ctx, "preGetMobile", traceId),
    });
    if (!checked.ok) {
      return fail(ctx, checked.failure, {
        sim,
        app: appForFields,
        traceId,
        appId: str(body.appId),
      });
    }
    const app = checked.app;
    const replayed = ctx.state.prefetchReplays.refusal(body);
    if (replayed) return fail(ctx, replayed, { sim, app, traceId });
    if (!choice.ok) return fail(ctx, failure("cm", "103211", choice.reason), { app, traceId });
    const subscriberFailure = checkSubscriber("cm", choice.sim, "CM");
    if (subscriberFailure) {
      return fail(ctx, subscriberFailure, { sim: choice.sim, app, traceId });
    }

    const masked = maskPhone(choice.sim.number);
    const at = ctx.state.tokens.issueAccessToken({
      appId: app.appId,
      traceId: traceId!,
      simId: choice.sim.id,
      phone: choice.sim.number,
      maskPhone: masked,
      carrier: "CM",
      authLevel: app.authLevel,
      userInformation: str(body.userInformation) ?? "",
    });
    const result: NumberFetchResult = {
      ...numberFetched(ctx, app, { accessToken: at.accessToken, maskPhone: masked, oper: "CM" }),
      ...ownerFields(choice.sim, app),
    };
    const answer = respond(ctx, result);
    answer.record = {
      resultCode: OK,
      appId: app.appId,
      traceId: traceId!,
      carrier: "CM",
      maskPhone: masked,
      simId: choice.sim.id,
    };
    return answer;
  },
};
