/**
 * Telecom and Unicom, three steps each (docs/protocol.md): step 1 hands out a carrier gateway
 * URL, step 2 is that gateway answering JSONP, step 3 turns its opaque data into an accessToken.
 * Only a subscriber's own carrier can identify them, so the subscriber checks (Wi-Fi, other
 * carrier, blacklist, IoT) run at step 2, in the carrier gateway's own answer shape: the official
 * SDK moves on from Telecom to Unicom only when the Telecom gateway refuses. Step 3 keeps the
 * server-side failures (switch off, entitlement, expiry, a reused or foreign data value).
 */
import { OK } from "../protocol/codes";
import { CROSS_CARRIER } from "../protocol/hosts";
import { maskPhone } from "../protocol/masked-phone";
import type { CarrierJsonpPayload, NumberFetchResult, PhonescripResponse } from "../protocol/wire";
import {
  checkCarrierCallback,
  checkPhonescrip,
  checkSubscriber,
  failure,
  type Failure,
  type Family,
} from "./checks";
import { numberFetched } from "./cm-prefetch";
import {
  checkEnv,
  headerValue,
  parseJsonObject,
  str,
  verdictRecorder,
  type Answer,
  type ProtocolRoute,
  type RequestContext,
} from "./route";
import type { EndpointId } from "./types";

type CrossCarrier = "CT" | "CU";

/** The path of the emulated carrier gateway that step 1 hands out (JSONP, step 2). */
export const CARRIER_GATEWAY_PATHS: Record<CrossCarrier, string> = {
  CT: "/carrier/ct/getPhone",
  CU: "/carrier/cu/getPhone",
};

/** The gateway texts of a carrier. */
function familyOf(carrier: CrossCarrier): Family {
  return carrier === "CT" ? "ct" : "cu";
}

/** Whose request a failure answer is recorded for, and which shape the answer takes. */
interface FailureAnswerOptions {
  /** The carrier whose flow failed. */
  carrier: CrossCarrier;
  /** The appId to record, when known. */
  appId: string | undefined;
  /** The traceId to record, when known. */
  traceId: string | undefined;
  /** The test SIM to record, when the failure concerns one. */
  simId?: string;
  /** Step 3 answers the text as both `desc` and `resultDesc`; step 1 only as `desc`. */
  withResultDesc?: boolean;
}

function failAnswer(f: Failure, options: FailureAnswerOptions): Answer {
  const json: Record<string, unknown> = { resultCode: f.code, desc: f.desc };
  if (options.withResultDesc) json.resultDesc = f.desc;
  const record: NonNullable<Answer["record"]> = {
    resultCode: f.code,
    desc: f.desc,
    carrier: options.carrier,
  };
  if (options.appId) record.appId = options.appId;
  if (options.traceId) record.traceId = options.traceId;
  if (options.simId) record.simId = options.simId;
  const answer: Answer = { json, record };
  if (f.status !== undefined) answer.status = f.status;
  return answer;
}

function phonescripRoute(carrier: CrossCarrier): ProtocolRoute {
  const id: EndpointId = carrier === "CT" ? "ctPhonescrip" : "cuPhonescrip";
  return {
    id,
    method: "POST",
    path: CROSS_CARRIER[carrier].phonescrip,
    malformed: '{"resultCode":"103000","desc":"成功","data":"http://',
    shape(code, desc) {
      return { json: { resultCode: code, desc } };
    },
    handle(ctx) {
      const appId = headerValue(ctx, "appId");
      const traceId = headerValue(ctx, "traceId");
      const answerFor: FailureAnswerOptions = { carrier, appId, traceId };
      const parsed = parseJsonObject(ctx.body);
      if (!parsed.ok) {
        return failAnswer(failure(familyOf(carrier), "130030", parsed.reason, 400), answerFor);
      }
      const checked = checkPhonescrip(checkEnv(ctx), carrier, {
        body: parsed.body,
        headers: ctx.headers,
        onVerdict: verdictRecorder(ctx, id, traceId),
      });
      if (!checked.ok) return failAnswer(checked.failure, answerFor);
      const choice = ctx.state.sims.choose(checked.traceId, checked.reqdata.expandParams);
      if (!choice.ok) {
        return failAnswer(failure(familyOf(carrier), "130035", choice.reason), answerFor);
      }
      const session = ctx.state.carrierSessions.create({
        carrier,
        appId: checked.app.appId,
        traceId: checked.traceId,
        simId: choice.sim.id,
      });
      const url = new URL(ctx.baseUrl + CARRIER_GATEWAY_PATHS[carrier]);
      url.searchParams.set("session", session.id);
      url.searchParams.set("callback", CROSS_CARRIER[carrier].jsonpCallback);
      const json: PhonescripResponse = { resultCode: OK, desc: "成功", data: url.toString() };
      return {
        json,
        record: {
          resultCode: OK,
          appId: checked.app.appId,
          traceId: checked.traceId,
          carrier,
          simId: choice.sim.id,
        },
      };
    },
  };
}

const CALLBACK_NAME = /^[A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)*$/;

/**
 * What a carrier gateway answers when it refuses. Telecom: `{result, data: text}`. Unicom: the
 * official SDK reads `code`, `msg` and `result`; `data` carries the text as well, for clients
 * that read Unicom failures the Telecom way.
 */
export function gatewayRefusal(carrier: CrossCarrier, f: Failure): CarrierJsonpPayload {
  if (carrier === "CT") return { result: f.code, data: f.desc };
  return { result: f.code, code: f.code, msg: f.desc, data: f.desc };
}

function jsonp(callback: string, payload: unknown): string {
  // The /**/ prefix and the escaped separators keep the answer a plain call whatever it carries.
  const body = JSON.stringify(payload)
    .replace(/\u2028/g, "\\u2028")
    .replace(/\u2029/g, "\\u2029");
  return `/**/${callback}(${body});`;
}

function gatewayRoute(carrier: CrossCarrier): ProtocolRoute {
  const id: EndpointId = carrier === "CT" ? "ctGateway" : "cuGateway";
  const callbackOf = (ctx: RequestContext) => {
    const cb = ctx.url.searchParams.get("callback") || CROSS_CARRIER[carrier].jsonpCallback;
    return CALLBACK_NAME.test(cb) && cb.length <= 100 ? cb : undefined;
  };
  const js = (ctx: RequestContext, payload: CarrierJsonpPayload, status?: number): Answer => {
    const cb = callbackOf(ctx) ?? CROSS_CARRIER[carrier].jsonpCallback;
    const a: Answer = {
      text: jsonp(cb, payload),
      contentType: "application/javascript; charset=utf-8",
    };
    if (status !== undefined) a.status = status;
    return a;
  };
  return {
    id,
    method: "GET",
    path: CARRIER_GATEWAY_PATHS[carrier],
    malformed: `/**/${CROSS_CARRIER[carrier].jsonpCallback}({"result":"0","data":`,
    shape(code, desc, ctx) {
      return js(ctx, gatewayRefusal(carrier, { code, desc }));
    },
    handle(ctx) {
      if (!callbackOf(ctx)) {
        return {
          status: 400,
          json: {
            error: {
              type: "bad_request",
              message: "callback must be a JavaScript identifier path",
            },
          },
          record: { resultCode: "400", carrier },
        };
      }
      const sessionId = ctx.url.searchParams.get("session") ?? "";
      const session = ctx.state.carrierSessions.get(sessionId);
      if (!session || session.carrier !== carrier) {
        const reason = "unknown session (the URL comes from step 1)";
        const a = js(ctx, gatewayRefusal(carrier, { code: "-10002", desc: `参数错误: ${reason}` }));
        a.record = { resultCode: "-10002", carrier };
        return a;
      }
      const record = {
        appId: session.appId,
        traceId: session.traceId,
        carrier,
        simId: session.simId,
      };
      if (session.expiresAt <= ctx.state.now()) {
        const reason = "the session from step 1 has expired";
        const a = js(ctx, gatewayRefusal(carrier, { code: "-10009", desc: `时间超期: ${reason}` }));
        a.record = { ...record, resultCode: "-10009" };
        return a;
      }
      const sim = ctx.state.sims.get(session.simId);
      const refusal = sim
        ? checkSubscriber(familyOf(carrier), sim, carrier)
        : failure(familyOf(carrier), "130035", `test SIM "${session.simId}" no longer exists`);
      if (refusal) {
        const a = js(ctx, gatewayRefusal(carrier, refusal));
        a.record = { ...record, resultCode: refusal.code, desc: refusal.desc };
        return a;
      }
      const data = ctx.state.carrierSessions.issueData(session);
      const a = js(ctx, { result: "0", data });
      a.record = { ...record, resultCode: "0" };
      return a;
    },
  };
}

function callbackRoute(carrier: CrossCarrier): ProtocolRoute {
  const id: EndpointId = carrier === "CT" ? "ctCallback" : "cuCallback";
  const f = familyOf(carrier);
  return {
    id,
    method: "POST",
    path: CROSS_CARRIER[carrier].callback,
    malformed: '{"resultCode":"103000","desc":"成功","accessToken":"',
    shape(code, desc) {
      return { json: { resultCode: code, desc, resultDesc: desc } };
    },
    handle(ctx) {
      const appId = headerValue(ctx, "appId");
      const traceId = headerValue(ctx, "traceId");
      const requestAnswer: FailureAnswerOptions = { carrier, appId, traceId, withResultDesc: true };
      const parsed = parseJsonObject(ctx.body);
      if (!parsed.ok) return failAnswer(failure(f, "130030", parsed.reason, 400), requestAnswer);
      const checked = checkCarrierCallback(checkEnv(ctx), carrier, {
        body: parsed.body,
        headers: ctx.headers,
        onVerdict: verdictRecorder(ctx, id, traceId),
      });
      if (!checked.ok) return failAnswer(checked.failure, requestAnswer);
      const { app } = checked;
      // From here on the app and the traceId are the checked ones.
      const checkedAnswer: FailureAnswerOptions = {
        carrier,
        appId: app.appId,
        traceId: checked.traceId,
        withResultDesc: true,
      };
      const session = ctx.state.carrierSessions.byOpaqueData(checked.data);
      const bad = (reason: string) => failAnswer(failure(f, "301", reason), checkedAnswer);
      if (!session) return bad("data was not issued by the carrier gateway");
      if (session.carrier !== carrier) return bad(`data comes from the ${session.carrier} gateway`);
      if (session.dataUsed) return bad("data was already used");
      if (session.expiresAt <= ctx.state.now()) return bad("the carrier session has expired");
      if (session.appId !== app.appId) return bad("data was issued for another appId");
      if (session.traceId !== checked.traceId) return bad("data was issued for another traceId");
      session.dataUsed = true;

      const enabled = carrier === "CT" ? app.crossCarrier.ct : app.crossCarrier.cu;
      if (!enabled) {
        // The real gateway's way of saying "switched off": success without an accessToken.
        const json: NumberFetchResult = {
          resultCode: OK,
          desc: "成功",
          resultDesc: "成功",
          accessToken: "",
          oper: carrier,
        };
        return {
          json,
          record: {
            resultCode: OK,
            desc: "cross-carrier fetch switched off",
            appId: app.appId,
            traceId: checked.traceId,
            carrier,
          },
        };
      }
      const sim = ctx.state.sims.get(session.simId);
      if (!sim) {
        const reason = `test SIM "${session.simId}" no longer exists`;
        return failAnswer(failure(f, "130035", reason), checkedAnswer);
      }
      const masked = maskPhone(sim.number);
      const at = ctx.state.tokens.issueAccessToken({
        appId: app.appId,
        traceId: checked.traceId,
        simId: sim.id,
        phone: sim.number,
        maskPhone: masked,
        carrier,
        authLevel: app.authLevel,
        userInformation: str(parsed.body.userInformation) ?? "",
      });
      const json: NumberFetchResult = {
        ...numberFetched(ctx, app, {
          accessToken: at.accessToken,
          maskPhone: masked,
          oper: carrier,
        }),
        desc: "成功",
      };
      return {
        json,
        record: {
          resultCode: OK,
          appId: app.appId,
          traceId: checked.traceId,
          carrier,
          maskPhone: masked,
          simId: sim.id,
        },
      };
    },
  };
}

export const crossCarrierRoutes: ProtocolRoute[] = [
  phonescripRoute("CT"),
  phonescripRoute("CU"),
  gatewayRoute("CT"),
  gatewayRoute("CU"),
  callbackRoute("CT"),
  callbackRoute("CU"),
];
