/**
 * The inspection/admin API under `/__emulator/`, separate from the protocol paths: tests and the
 * demo page use it to reset, read records, pick SIMs, edit apps, inject faults, move the clock and
 * read the Referer/Origin verdicts. A thin layer over EmulatorState; see docs/emulator.md.
 */
import { formatTimestamp } from "../protocol/timestamp";
import { FaultError, parseFault, type FaultTarget } from "./faults";
import { RegistryError, RegistryStore } from "./registry";
import { parseJsonObject, type Answer, type Json, type RequestContext } from "./route";
import { publicSim, SimError } from "./sims";
import { clockMoveProblem, type SeenEntry } from "./state";
import { ENDPOINT_IDS, type EndpointId } from "./types";

export const ADMIN_PREFIX = "/__emulator";

const ok = (json: unknown, status = 200): Answer => ({ json, status });
const err = (status: number, type: string, message: string): Answer => ({
  status,
  json: { error: { type, message } },
});

/**
 * One entry per capture group of a route's pattern, percent-decoded; undefined for an optional
 * group that did not take part in the match.
 */
type PathParams = readonly (string | undefined)[];

interface AdminRoute {
  method: string;
  pattern: RegExp;
  run(ctx: RequestContext, params: PathParams, body: Json): Answer;
  /** Whether the route needs a JSON object body. */
  body?: boolean;
  summary: string;
}

function numberParam(ctx: RequestContext, name: string): number | undefined {
  const v = ctx.url.searchParams.get(name);
  if (v === null || v === "") return undefined;
  const n = Number(v);
  return Number.isFinite(n) ? n : undefined;
}

function param(ctx: RequestContext, name: string): string | undefined {
  return ctx.url.searchParams.get(name) ?? undefined;
}

const ROUTES: AdminRoute[] = [
  {
    method: "GET",
    pattern: /^\/?$/,
    summary: "GET /__emulator/ — this index",
    run: () => ok({ name: "ydrz gateway emulator", admin: ROUTES.map((r) => r.summary) }),
  },
  {
    method: "GET",
    pattern: /^\/health$/,
    summary: "GET /__emulator/health",
    run: (ctx) => ok({ ok: true, now: new Date(ctx.state.now()).toISOString() }),
  },
  {
    method: "POST",
    pattern: /^\/reset$/,
    summary: "POST /__emulator/reset — back to the startup state",
    run: (ctx) => {
      ctx.state.reset();
      return ok({ ok: true });
    },
  },
  {
    method: "GET",
    pattern: /^\/records$/,
    summary: "GET /__emulator/records?appId=&traceId=&endpoint=&resultCode=&since=",
    run: (ctx) => {
      const filter: Parameters<typeof ctx.state.records.list>[0] = {};
      for (const k of ["appId", "traceId", "endpoint", "resultCode"] as const) {
        const v = param(ctx, k);
        if (v !== undefined) filter[k] = v;
      }
      const since = numberParam(ctx, "since");
      if (since !== undefined) filter.since = since;
      return ok({ records: ctx.state.records.list(filter) });
    },
  },
  {
    method: "GET",
    pattern: /^\/stats$/,
    summary:
      "GET /__emulator/stats — per app since start/reset: requests, codes per endpoint," +
      " billable (not limited to the record window)",
    run: (ctx) => ok(ctx.state.records.stats()),
  },
  {
    method: "GET",
    pattern: /^\/sims$/,
    summary: "GET /__emulator/sims",
    run: (ctx) =>
      ok({ defaultSimId: ctx.state.sims.defaultSimId, sims: ctx.state.sims.list().map(publicSim) }),
  },
  {
    method: "POST",
    pattern: /^\/sims$/,
    body: true,
    summary:
      "POST /__emulator/sims {id, number, carrier, network, blacklisted?, iot?, label?}" +
      " — add or replace a SIM",
    run: (ctx, _p, body) => ok({ sim: publicSim(ctx.state.sims.upsert(body)) }),
  },
  {
    method: "PUT",
    pattern: /^\/sims\/default$/,
    body: true,
    summary: "PUT /__emulator/sims/default {simId}",
    run: (ctx, _p, body) => {
      if (typeof body.simId !== "string") return err(400, "bad_request", "simId must be a string");
      if (!ctx.state.sims.setDefault(body.simId))
        return err(404, "not_found", `no SIM ${body.simId}`);
      return ok({ defaultSimId: body.simId });
    },
  },
  {
    method: "PUT",
    pattern: /^\/sessions\/([^/]+)\/sim$/,
    body: true,
    summary: "PUT /__emulator/sessions/:traceId/sim {simId} — the SIM of one flow",
    run: (ctx, [traceId], body) => {
      if (typeof body.simId !== "string") return err(400, "bad_request", "simId must be a string");
      if (!ctx.state.sims.bind(traceId!, body.simId))
        return err(404, "not_found", `no SIM ${body.simId}`);
      return ok({ traceId, simId: body.simId });
    },
  },
  {
    method: "GET",
    pattern: /^\/sessions\/([^/]+)$/,
    summary: "GET /__emulator/sessions/:traceId — its SIM, last Referer/Origin verdict, records",
    run: (ctx, [traceId]) =>
      ok({
        traceId,
        simId: ctx.state.sims.boundSimId(traceId!) ?? null,
        seen: ctx.state.seen.forTrace(traceId!) ?? null,
        records: ctx.state.records.list({ traceId: traceId! }),
      }),
  },
  {
    method: "GET",
    pattern: /^\/sims\/([^/]+)\/number$/,
    summary: "GET /__emulator/sims/:simId/number — lock state and unused token count of its number",
    run: (ctx, [simId]) => {
      const sim = ctx.state.sims.get(simId!);
      if (!sim) return err(404, "not_found", `no SIM ${simId}`);
      return ok({
        simId,
        ...ctx.state.tokens.lockState(sim.number),
        unusedTokens: ctx.state.tokens.unusedTokenCount(sim.number),
      });
    },
  },
  {
    method: "GET",
    pattern: /^\/apps$/,
    summary: "GET /__emulator/apps (appKey redacted)",
    run: (ctx) => ok({ apps: ctx.state.registry.list().map((app) => RegistryStore.redact(app)) }),
  },
  {
    method: "GET",
    pattern: /^\/apps\/([^/]+)$/,
    summary: "GET /__emulator/apps/:appId",
    run: (ctx, [appId]) => {
      const app = ctx.state.registry.get(appId!);
      return app
        ? ok({ app: RegistryStore.redact(app) })
        : err(404, "not_found", `no app ${appId}`);
    },
  },
  {
    method: "PUT",
    pattern: /^\/apps\/([^/]+)$/,
    body: true,
    summary: "PUT /__emulator/apps/:appId {app} — add or replace (registry format)",
    run: (ctx, [appId], body) =>
      ok({ app: RegistryStore.redact(ctx.state.registry.put({ ...body, appId })) }),
  },
  {
    method: "PATCH",
    pattern: /^\/apps\/([^/]+)$/,
    body: true,
    summary: "PATCH /__emulator/apps/:appId {fields} — merge into an app",
    run: (ctx, [appId], body) => {
      const app = ctx.state.registry.patch(appId!, body);
      return app
        ? ok({ app: RegistryStore.redact(app) })
        : err(404, "not_found", `no app ${appId}`);
    },
  },
  {
    method: "POST",
    pattern: /^\/apps\/([^/]+)\/pages$/,
    body: true,
    summary: "POST /__emulator/apps/:appId/pages {url} — register a page as referer and its origin",
    run: (ctx, [appId], body) => {
      if (typeof body.url !== "string") return err(400, "bad_request", "url must be a string");
      const app = ctx.state.registry.addPage(appId!, body.url);
      return app
        ? ok({ app: RegistryStore.redact(app) })
        : err(404, "not_found", `no app ${appId}`);
    },
  },
  {
    method: "GET",
    pattern: /^\/faults$/,
    summary: "GET /__emulator/faults",
    run: (ctx) => ok({ faults: ctx.state.faults.list() }),
  },
  {
    method: "POST",
    pattern: /^\/faults$/,
    body: true,
    summary: "POST /__emulator/faults {endpoint, kind?, latencyMs?, status?, code?, desc?, times?}",
    run: (ctx, _p, body) => {
      const { endpoint, fault } = parseFault(body);
      ctx.state.faults.set(endpoint, fault);
      return ok({ endpoint, fault });
    },
  },
  {
    method: "DELETE",
    pattern: /^\/faults(?:\/([^/]+))?$/,
    summary: "DELETE /__emulator/faults[/:endpoint]",
    run: (ctx, [endpoint]) => {
      if (
        endpoint !== undefined &&
        endpoint !== "*" &&
        !ENDPOINT_IDS.includes(endpoint as EndpointId)
      ) {
        return err(404, "not_found", `no endpoint ${endpoint}`);
      }
      ctx.state.faults.clear(endpoint as FaultTarget | undefined);
      return ok({ faults: ctx.state.faults.list() });
    },
  },
  {
    method: "GET",
    pattern: /^\/clock$/,
    summary: "GET /__emulator/clock",
    run: (ctx) => clock(ctx),
  },
  {
    method: "POST",
    pattern: /^\/clock$/,
    body: true,
    summary:
      "POST /__emulator/clock {advanceMs} — move the emulator's clock (negative moves back;" +
      " at most ten years off)",
    run: (ctx, _p, body) => {
      const problem = clockMoveProblem(body.advanceMs, ctx.state.clockOffsetMs);
      if (problem !== undefined) return err(400, "bad_request", problem);
      ctx.state.advanceClock(body.advanceMs as number);
      return clock(ctx);
    },
  },
  {
    method: "GET",
    pattern: /^\/seen$/,
    summary:
      "GET /__emulator/seen?traceId=|appId= — the Referer/Origin last received" +
      " and the registry verdict",
    run: (ctx) => ok({ seen: seenFor(ctx) ?? null }),
  },
];

/** The verdict of one flow (?traceId=), else of one app (?appId=), else the latest of all. */
function seenFor(ctx: RequestContext): SeenEntry | undefined {
  const traceId = param(ctx, "traceId");
  if (traceId) return ctx.state.seen.forTrace(traceId);
  const appId = param(ctx, "appId");
  if (appId) return ctx.state.seen.forApp(appId);
  return ctx.state.seen.last;
}

function clock(ctx: RequestContext): Answer {
  const now = ctx.state.now();
  return ok({
    now,
    iso: new Date(now).toISOString(),
    timestamp: formatTimestamp(new Date(now)),
    offsetMs: ctx.state.clockOffsetMs,
  });
}

export function handleAdmin(ctx: RequestContext): Answer {
  const sub = ctx.url.pathname.slice(ADMIN_PREFIX.length);
  const matching = ROUTES.filter((r) => r.pattern.test(sub));
  if (matching.length === 0) {
    const target = `${ctx.method} ${ctx.url.pathname}`;
    return err(404, "not_found", `no admin route ${target}; GET ${ADMIN_PREFIX}/ lists them`);
  }
  const route = matching.find((r) => r.method === ctx.method);
  if (!route) {
    const a = err(405, "method_not_allowed", `${ctx.method} is not allowed on ${ctx.url.pathname}`);
    a.headers = { Allow: matching.map((r) => r.method).join(", ") };
    return a;
  }
  let params: PathParams;
  try {
    const groups: (string | undefined)[] = (route.pattern.exec(sub) ?? []).slice(1);
    params = groups.map((p) => (p === undefined ? undefined : decodeURIComponent(p)));
  } catch {
    return err(400, "bad_request", "the path is not valid percent-encoding");
  }
  let body: Json = {};
  if (route.body) {
    const parsed = parseJsonObject(ctx.body);
    if (!parsed.ok) return err(400, "bad_json", parsed.reason);
    body = parsed.body;
  }
  try {
    return route.run(ctx, params, body);
  } catch (e) {
    // The stores throw these for invalid input; anything else is a bug and reaches the server.
    if (e instanceof RegistryError || e instanceof SimError || e instanceof FaultError) {
      return err(400, "invalid", e.message);
    }
    throw e;
  }
}
