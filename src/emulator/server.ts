/**
 * HTTP around the routes: routing, CORS and preflights, body limits, JSON errors, fault
 * injection, records. Every request is handled inside a try/catch so that no input can take the
 * process down; the worst a request gets is a 500 JSON error.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { performance } from "node:perf_hooks";
import { adminRefusal, type AccessPolicy } from "./access";
import { ADMIN_PREFIX, handleAdmin } from "./admin";
import { authGetTokenRoute } from "./auth-get-token";
import { describe, type Family } from "./checks";
import { preGetMobileRoute } from "./cm-prefetch";
import { corsHeaders, preflightHeaders } from "./cors";
import { crossCarrierRoutes } from "./cross-carrier";
import type { Fault } from "./faults";
import { hostedPageAnswer } from "./hosted-page";
import { sdkImage } from "./images";
import { logReportRoute } from "./log-report";
import { pageOptionRoute } from "./page-option";
import {
  parseRequestTarget,
  requestIdentity,
  type Answer,
  type ProtocolRoute,
  type RequestContext,
} from "./route";
import type { EmulatorState } from "./state";
import type { EndpointId } from "./types";
import { HOSTED_PAGE_PATH } from "../protocol/hosted-page";
import { tokenValidateRoute } from "./token-validate";

export const PROTOCOL_ROUTES: readonly ProtocolRoute[] = [
  preGetMobileRoute,
  pageOptionRoute,
  ...crossCarrierRoutes,
  authGetTokenRoute,
  tokenValidateRoute,
  logReportRoute,
];

const BY_PATH = new Map(PROTOCOL_ROUTES.map((r) => [r.path, r]));

/**
 * What the official SDK loads besides the protocol: the hosted page and the popup's images.
 * GET/HEAD only, the same for every caller, neither recorded nor subject to faults.
 */
function assetFor(path: string): Answer | undefined {
  if (path === HOSTED_PAGE_PATH) return hostedPageAnswer();
  const png = sdkImage(path);
  if (png) {
    return { bytes: png, contentType: "image/png", headers: { "Cache-Control": "max-age=3600" } };
  }
  return undefined;
}

export interface EmulatorServer {
  server: Server;
  /**
   * Cancels pending latency timers and drops held ("timeout" fault) requests. A plain function
   * (it uses no `this`), so it may be destructured.
   */
  shutdown: () => void;
}

/** Whose texts a `code` fault on this endpoint answers with. */
function familyOf(endpoint: EndpointId): Family {
  if (endpoint === "tokenValidate") return "validate";
  if (endpoint === "authGetToken") return "token";
  if (endpoint.startsWith("ct")) return "ct";
  if (endpoint.startsWith("cu")) return "cu";
  return "cm";
}

/** A protocol request that a fault is applied to. */
interface FaultedRequest {
  /** The protocol route the request addressed. */
  route: ProtocolRoute;
  /** The request as the route would have seen it. */
  ctx: RequestContext;
  /** Where the answer goes; the timeout fault holds it open. */
  res: ServerResponse;
  /** `performance.now()` when the request arrived, for the record's duration. */
  started: number;
}

/** What a thrown value says: its `message` if it has one (anything may be thrown, not only an
 * Error), else the value itself. */
function errorMessage(thrown: unknown): string {
  let message: unknown;
  if (typeof thrown === "object" && thrown !== null) {
    message = (thrown as { message?: unknown }).message;
  }
  return String(message ?? thrown);
}

type BodyResult =
  | { ok: true; text: string }
  | { ok: false; tooLarge: true }
  | { ok: false; tooLarge: false; message: string };

function readBody(req: IncomingMessage, limit: number): Promise<BodyResult> {
  return new Promise((resolve) => {
    const declared = Number(req.headers["content-length"]);
    if (Number.isFinite(declared) && declared > limit) {
      // Drain without keeping it so the client can read our 413 instead of a reset.
      req.resume();
      resolve({ ok: false, tooLarge: true });
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    let over = false;
    req.on("data", (c: Buffer) => {
      size += c.length;
      if (size > limit) over = true;
      else chunks.push(c);
    });
    req.on("end", () =>
      resolve(
        over
          ? { ok: false, tooLarge: true }
          : { ok: true, text: Buffer.concat(chunks).toString("utf8") },
      ),
    );
    req.on("error", (e) => resolve({ ok: false, tooLarge: false, message: e.message }));
    // A client that goes away mid-body must not leave this promise pending forever.
    req.on("close", () => {
      if (!req.complete)
        resolve({
          ok: false,
          tooLarge: false,
          message: "the client closed the connection mid-body",
        });
    });
  });
}

/** Whether some registered app lists this Origin (such pages get the private-network grant). */
function isRegisteredOrigin(state: EmulatorState, origin: string | undefined): boolean {
  if (origin === undefined) return false;
  return state.registry.list().some((app) => app.origins.includes(origin));
}

/**
 * `access` is read per request (the port is known only once listening): the public URL that
 * every absolute URL handed out is built from, and the admin API's owner.
 */
export function createEmulatorServer(
  state: EmulatorState,
  access: () => AccessPolicy,
): EmulatorServer {
  const timers = new Set<NodeJS.Timeout>();
  const held = new Set<ServerResponse>();
  let closing = false;

  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      const t = setTimeout(() => {
        timers.delete(t);
        resolve();
      }, ms);
      timers.add(t);
    });

  /** `cors: false` for a refused admin request: a foreign page must not read the answer. */
  function send(req: IncomingMessage, res: ServerResponse, a: Answer, cors = true): void {
    if (res.headersSent || res.destroyed) return;
    const headers: Record<string, string> = {
      ...(cors ? corsHeaders(req) : { Vary: "Origin" }),
      "Cache-Control": "no-store",
      ...a.headers,
    };
    let payload: string | Buffer;
    if (a.bytes !== undefined) {
      payload = a.bytes;
      headers["Content-Type"] = a.contentType ?? "application/octet-stream";
    } else if (a.text !== undefined) {
      payload = a.text;
      headers["Content-Type"] = a.contentType ?? "text/plain; charset=utf-8";
    } else {
      payload = JSON.stringify(a.json ?? {});
      headers["Content-Type"] = a.contentType ?? "application/json;charset=UTF-8";
    }
    headers["Content-Length"] = String(Buffer.byteLength(payload));
    res.writeHead(a.status ?? 200, headers);
    res.end(payload);
  }

  const errorAnswer = (
    status: number,
    type: string,
    message: string,
    extra: Record<string, unknown> = {},
  ): Answer => ({
    status,
    json: { error: { type, message, ...extra } },
  });

  function record(route: ProtocolRoute, started: number, a: Answer, fault?: string): void {
    const r = a.record ?? { resultCode: String(a.status ?? 200) };
    const rec = {
      ...r,
      time: new Date(state.now()).toISOString(),
      endpoint: route.id,
      durationMs: Math.round(performance.now() - started),
      billable: r.billable ?? false,
    };
    if (fault) rec.fault = fault;
    state.records.add(rec);
  }

  async function applyFault(
    request: FaultedRequest,
    fault: Fault,
  ): Promise<Answer | "held" | undefined> {
    const { route, ctx, res, started } = request;
    if (fault.latencyMs) await sleep(fault.latencyMs);
    if (closing) return "held";
    const who = requestIdentity(route.id, ctx);
    switch (fault.kind) {
      case "timeout":
        held.add(res);
        res.on("close", () => held.delete(res));
        record(route, started, { record: { ...who, resultCode: "timeout" } }, "timeout");
        return "held";
      case "http5xx": {
        const status = fault.status ?? 503;
        const a = errorAnswer(status, "injected_fault", `injected HTTP ${status} on ${route.id}`);
        record(
          route,
          started,
          { ...a, record: { ...who, resultCode: `http${status}` } },
          "http5xx",
        );
        return a;
      }
      case "malformedJson": {
        const gateway = route.id === "ctGateway" || route.id === "cuGateway";
        const a: Answer = {
          text: route.malformed ?? "{",
          contentType: gateway
            ? "application/javascript; charset=utf-8"
            : "application/json;charset=UTF-8",
        };
        record(
          route,
          started,
          { ...a, record: { ...who, resultCode: "malformed" } },
          "malformedJson",
        );
        return a;
      }
      case "code": {
        // parseFault only accepts a "code" fault that names its code.
        const code = fault.code!;
        const desc = fault.desc ?? (describe(familyOf(route.id), code) || "injected");
        const a = route.shape(code, desc, ctx);
        record(route, started, { ...a, record: { ...who, resultCode: code } }, "code");
        return a;
      }
      default:
        return undefined;
    }
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const started = performance.now();
    const method = (req.method ?? "GET").toUpperCase();
    const url = parseRequestTarget(req.url ?? "/");
    if (!url) {
      send(req, res, errorAnswer(400, "bad_request", "the request target is not a valid URL"));
      return;
    }
    const path = url.pathname;
    const asset = assetFor(path);
    if (asset) {
      req.resume();
      const readOnly = method === "GET" || method === "HEAD";
      const refusal = errorAnswer(405, "method_not_allowed", `${path} takes GET, not ${method}`);
      send(req, res, readOnly ? asset : { ...refusal, headers: { Allow: "GET, HEAD" } });
      return;
    }
    const route = BY_PATH.get(path);
    const admin = path === ADMIN_PREFIX || path.startsWith(ADMIN_PREFIX + "/");
    if (!route && !admin) {
      req.resume();
      send(
        req,
        res,
        errorAnswer(404, "not_found", `no endpoint ${method} ${path}`, {
          protocol: PROTOCOL_ROUTES.map((r) => `${r.method} ${r.path}`),
          admin: `${ADMIN_PREFIX}/`,
        }),
      );
      return;
    }
    const policy = access();
    const refusal = admin ? adminRefusal(req, policy) : undefined;
    if (refusal) {
      req.resume();
      send(req, res, errorAnswer(refusal.status, refusal.type, refusal.message), false);
      return;
    }
    if (method === "OPTIONS") {
      req.resume();
      const origin = req.headers.origin;
      const privateNetwork = admin || isRegisteredOrigin(state, origin);
      res.writeHead(204, { ...preflightHeaders(req, privateNetwork), "Content-Length": "0" });
      res.end();
      return;
    }
    if (route && method !== route.method && !(method === "HEAD" && route.method === "GET")) {
      req.resume();
      send(req, res, {
        ...errorAnswer(405, "method_not_allowed", `${path} takes ${route.method}, not ${method}`),
        headers: { Allow: `${route.method}, OPTIONS` },
      });
      return;
    }
    let body = "";
    if (method !== "GET" && method !== "HEAD") {
      const read = await readBody(req, state.limits.bodyLimitBytes);
      if (!read.ok) {
        const a = read.tooLarge
          ? errorAnswer(
              413,
              "payload_too_large",
              `the body is over the ${state.limits.bodyLimitBytes}-byte limit`,
            )
          : errorAnswer(400, "bad_request", `the body could not be read: ${read.message}`);
        if (route) {
          const ctx: RequestContext = {
            req,
            method,
            url,
            headers: req.headers,
            remoteAddress: req.socket.remoteAddress ?? "",
            body: "",
            baseUrl: policy.publicUrl,
            state,
          };
          record(route, started, {
            ...a,
            record: { ...requestIdentity(route.id, ctx), resultCode: String(a.status) },
          });
        }
        send(req, res, { ...a, headers: { Connection: "close" } });
        return;
      }
      body = read.text;
    }
    const ctx: RequestContext = {
      req,
      method,
      url,
      headers: req.headers,
      remoteAddress: req.socket.remoteAddress ?? "",
      body,
      baseUrl: policy.publicUrl,
      state,
    };
    if (admin) {
      send(req, res, handleAdmin(ctx));
      return;
    }
    const r = route!;
    const fault = state.faults.take(r.id);
    if (fault) {
      const faulted = await applyFault({ route: r, ctx, res, started }, fault);
      if (faulted === "held") return;
      if (faulted) {
        send(req, res, faulted);
        return;
      }
    }
    const answer = await r.handle(ctx);
    record(r, started, answer, fault ? "latency" : undefined);
    send(req, res, answer);
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((e: unknown) => {
      // Never let one request take the process down: answer 500 and keep serving.
      try {
        if (!res.headersSent && !res.destroyed) {
          const message = `the emulator failed on this request: ${errorMessage(e)}`;
          send(req, res, errorAnswer(500, "internal", message));
        } else {
          res.destroy();
        }
      } catch {
        res.destroy();
      }
    });
  });
  server.on("clientError", (_err, socket) => {
    if (socket.writable) {
      socket.end(
        "HTTP/1.1 400 Bad Request\r\nContent-Type: application/json\r\nConnection: close\r\n\r\n" +
          '{"error":{"type":"bad_request","message":"malformed HTTP request"}}',
      );
    } else {
      socket.destroy();
    }
  });

  return {
    server,
    shutdown() {
      closing = true;
      for (const t of timers) clearTimeout(t);
      timers.clear();
      for (const res of held) res.destroy();
      held.clear();
    },
  };
}
