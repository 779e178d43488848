/** What a route handler gets and returns; server.ts does the HTTP around it. */
import type { IncomingHttpHeaders, IncomingMessage } from "node:http";
import { OK } from "../protocol/codes";
import type { CheckEnv, Failure, RefererOriginVerdict, VerdictListener } from "./checks";
import type { EmulatorRecord } from "./records";
import type { EmulatorState, SeenEntry } from "./state";
import type { TokenEntry } from "./tokens";
import { reportIdentity } from "./report-fields";
import type { EndpointId } from "./types";

export interface RequestContext {
  req: IncomingMessage;
  method: string;
  url: URL;
  headers: IncomingHttpHeaders;
  remoteAddress: string;
  /** Raw body text (empty for GET). */
  body: string;
  /** The emulator's configured public `http://host:port` (for URLs handed back), never Host. */
  baseUrl: string;
  state: EmulatorState;
}

/** What goes into the record; time, endpoint and duration are filled in by the server. */
export type RecordFields = Omit<
  EmulatorRecord,
  "seq" | "time" | "endpoint" | "durationMs" | "billable"
> & { billable?: boolean };

/**
 * The record of a success that hands out something about an issued token (authGetToken,
 * tokenValidate): who asked, and for which subscriber.
 */
export function tokenSuccessRecord(
  request: { appId: string; traceId: string },
  issued: Pick<TokenEntry, "carrier" | "maskPhone" | "simId">,
): RecordFields {
  return {
    resultCode: OK,
    appId: request.appId,
    traceId: request.traceId,
    carrier: issued.carrier,
    maskPhone: issued.maskPhone,
    simId: issued.simId,
  };
}

export interface Answer {
  status?: number;
  /** Serialised as JSON unless `text` or `bytes` is given. */
  json?: unknown;
  text?: string;
  /** A binary answer (the popup's images); needs `contentType`. */
  bytes?: Buffer;
  contentType?: string;
  headers?: Record<string, string>;
  record?: RecordFields;
}

export interface ProtocolRoute {
  id: EndpointId;
  method: "GET" | "POST";
  path: string;
  handle(ctx: RequestContext): Answer | Promise<Answer>;
  /** The endpoint's answer carrying only a code: for the `code` fault and structural errors. */
  shape(code: string, desc: string, ctx: RequestContext): Answer;
  /** A syntactically broken answer of the endpoint's content type (the `malformedJson` fault). */
  malformed?: string;
}

export type Json = Record<string, unknown>;

export type ParsedBody = { ok: true; body: Json } | { ok: false; reason: string };

/** A JSON object body; anything else is a structural error the caller turns into a 400. */
export function parseJsonObject(text: string): ParsedBody {
  if (text.trim() === "") {
    return { ok: false, reason: "the body is empty (expected a JSON object)" };
  }
  let v: unknown;
  try {
    v = JSON.parse(text);
  } catch (e) {
    return { ok: false, reason: `the body is not JSON (${(e as Error).message})` };
  }
  if (typeof v !== "object" || v === null || Array.isArray(v)) {
    return { ok: false, reason: "the body is JSON but not an object" };
  }
  return { ok: true, body: v as Json };
}

export function headerValue(ctx: RequestContext, name: string): string | undefined {
  const v = ctx.headers[name.toLowerCase()];
  return Array.isArray(v) ? v[0] : v;
}

/**
 * Who a request belongs to, for records the route itself does not write (faults, unreadable
 * bodies): the same sources the routes read, so a flow's every request can be found by traceId.
 * The CM pre-fetch carries them in its JSON body, the CT/CU gateway (JSONP, no headers) through
 * the step-1 session, everything under /h5/onekeylogin/* in headers.
 */
export function requestIdentity(
  endpoint: EndpointId,
  ctx: RequestContext,
): { appId?: string; traceId?: string } {
  let appId: string | undefined;
  let traceId: string | undefined;
  if (endpoint === "preGetMobile") {
    const parsed = parseJsonObject(ctx.body);
    if (parsed.ok) {
      // Bounded as the pre-fetch's own records bound it.
      appId = str(parsed.body.appId)?.slice(0, 64);
      traceId = str(parsed.body.traceId);
    }
  } else if (endpoint === "logReport") {
    const parsed = parseJsonObject(ctx.body);
    if (parsed.ok) ({ appId, traceId } = reportIdentity(parsed.body));
  } else if (endpoint === "ctGateway" || endpoint === "cuGateway") {
    const session = ctx.state.carrierSessions.get(ctx.url.searchParams.get("session") ?? "");
    appId = session?.appId;
    traceId = session?.traceId;
  } else {
    appId = str(headerValue(ctx, "appId"));
    traceId = str(headerValue(ctx, "traceId"));
  }
  const who: { appId?: string; traceId?: string } = {};
  if (appId) who.appId = appId;
  if (traceId) who.traceId = traceId;
  return who;
}

/**
 * The emulator's public address, for the URLs it hands out (`authPageUrl`): today the address
 * the client used to reach it. The one function to change for a configured public address.
 */
export function publicBaseUrl(ctx: RequestContext): string {
  return ctx.baseUrl;
}

/** The check environment of a request. */
export function checkEnv(ctx: RequestContext): CheckEnv {
  return { registry: ctx.state.registry, now: ctx.state.now, limits: ctx.state.limits };
}

/** Stores the Referer/Origin verdict of a request (admin: GET /__emulator/seen). */
export function verdictRecorder(
  ctx: RequestContext,
  endpoint: EndpointId,
  traceId: string | undefined,
): VerdictListener {
  return (app: { appId: string }, v: RefererOriginVerdict): void => {
    const entry: SeenEntry = {
      ...v,
      time: new Date(ctx.state.now()).toISOString(),
      endpoint,
      appId: app.appId,
    };
    if (traceId) entry.traceId = traceId;
    ctx.state.seen.add(entry);
  };
}

export function str(v: unknown): string | undefined {
  return typeof v === "string" && v !== "" ? v : undefined;
}

/** A failure answered as `{resultCode, desc}` (authGetToken, tokenValidate) and recorded. */
export function flatFailure(
  f: Failure,
  appId: string | undefined,
  traceId: string | undefined,
): Answer {
  const answer: Answer = {
    json: { resultCode: f.code, desc: f.desc },
    record: { resultCode: f.code, desc: f.desc },
  };
  if (f.status !== undefined) answer.status = f.status;
  if (appId) answer.record!.appId = appId;
  if (traceId) answer.record!.traceId = traceId;
  return answer;
}

/** A base that only gives the request target something to resolve against; never shown. */
const TARGET_BASE = "http://emulator.invalid";

/**
 * The request target as a URL. The production SDK writes some paths with a doubled slash
 * (`https://www.cmpassport.com//h5/onekeylogin/authGetToken`); resolving `//h5/…` against a base
 * would make `h5` a host, so repeated leading slashes are folded into one first. A proxy's
 * absolute target (`http://host/path`) is read as it is. Undefined for anything else (`*`).
 */
export function parseRequestTarget(target: string): URL | undefined {
  const absolute = /^https?:\/\//i.test(target);
  if (!absolute && !target.startsWith("/")) return undefined;
  try {
    const url = new URL(absolute ? target : target.replace(/^\/+/, "/"), TARGET_BASE);
    url.pathname = url.pathname.replace(/^\/+/, "/");
    return url;
  } catch {
    return undefined;
  }
}
