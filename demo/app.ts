/**
 * The demo site: the integrator's web server (pages, the built SDK, a tiny business backend) plus
 * the gateway emulator started in-process, so that one command shows the whole three-party flow.
 *
 * Roles stay on separate origins as in production: the pages on http://127.0.0.1:<port>, the
 * gateway on http://127.0.0.1:<gatewayPort>. The SDK therefore calls the gateway cross-origin and
 * the browser sends real Referer and Origin headers for the registry to accept or refuse.
 */
import { existsSync, readFileSync } from "node:fs";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { join, resolve } from "node:path";
import { startEmulator } from "../src/emulator/index";
import type { EndpointId } from "../src/emulator/types";
import { publicSim } from "../src/emulator/sims";
import { OK } from "../src/protocol/codes";
import { createDemoApps, ORIGIN_DEMO_PAGE, registeredAddresses, type DemoApps } from "./apps";
import { handleLogin, handleSign } from "./backend";
import { HttpError, readJsonObject, sendError, sendFile, sendJson, sendText } from "./http";
import { DEMO_PAGES, SEED_CSS_PATH, SEED_SCRIPT_PATH } from "./pages";

export interface DemoOptions {
  /** Demo site port; 0 picks a free one (tests). Default 8080. */
  port?: number;
  /** Gateway emulator port; 0 picks a free one. Default 7009 (the CM test host's port). */
  gatewayPort?: number;
  /** Repository root (pages, dist/, node_modules/). Default: found from this file's location. */
  root?: string;
  /** Also listen on ::1 so that http://localhost:<port>/ works where localhost is IPv6. Default true. */
  listenIpv6?: boolean;
  /** Where the emulator's record lines go; default nowhere. */
  log?: (line: string) => void;
}

export interface DemoHandle {
  /** The page to open, e.g. `http://127.0.0.1:8080/`. */
  url: string;
  /** The gateway emulator's base URL (both the CM host and the API host). */
  gatewayUrl: string;
  port: number;
  gatewayPort: number;
  /** Whether http://localhost:<port>/ reaches the demo through ::1 as well. */
  ipv6: boolean;
  apps: DemoApps;
  emulator: Awaited<ReturnType<typeof startEmulator>>;
  close(): Promise<void>;
}

/**
 * dist/demo.cjs runs from dist/, the TypeScript source (tests) from demo/: both are one level
 * below the repository root. The marker file tells the two apart from an unrelated cwd.
 */
export function findRoot(): string {
  const candidates = [resolve(__dirname, ".."), process.cwd()];
  for (const c of candidates) if (existsSync(join(c, "demo", "pages", "index.html"))) return c;
  throw new Error(
    "demo: cannot find the repository root (demo/pages/index.html) next to this file or in the working directory",
  );
}

/** Values placed into the pages' HTML attributes; escaped although they are our own URLs. */
function escapeAttr(s: string): string {
  return s
    .replace(/&/g, "&amp;")
    .replace(/"/g, "&quot;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;");
}

function listen(server: Server, port: number, host: string): Promise<number> {
  return new Promise((resolveListen, reject) => {
    const onError = (e: Error) => reject(e);
    server.once("error", onError);
    server.listen(port, host, () => {
      server.off("error", onError);
      resolveListen((server.address() as AddressInfo).port);
    });
  });
}

function closeServer(server: Server): Promise<void> {
  return new Promise((done) => {
    if (!server.listening) return done();
    server.close(() => done());
    server.closeAllConnections?.();
  });
}

/** The built files the demo serves, under the paths integrators use. */
const DIST_ROUTES: Record<string, string> = {
  [SEED_SCRIPT_PATH]: "ydrz-jssdk.umd.js",
  [SEED_CSS_PATH]: "style.css",
  "/dist/ydrz-jssdk.umd.js": "ydrz-jssdk.umd.js",
  "/dist/style.css": "style.css",
  "/dist/index.mjs": "index.mjs",
};

export async function startDemo(options: DemoOptions = {}): Promise<DemoHandle> {
  const root = options.root ?? findRoot();
  const pagesDir = join(root, "demo", "pages");
  const distDir = join(root, "dist");

  // Filled in once both servers listen; the handler only runs after that.
  const ctx: {
    apps?: DemoApps;
    gatewayUrl?: string;
    emulator?: DemoHandle["emulator"];
    port?: number;
  } = {};

  const renderPage = (file: string): string | undefined => {
    let html: string;
    try {
      html = readFileSync(join(pagesDir, file), "utf8");
    } catch {
      return undefined;
    }
    // Read per request, like the pages, so that editing them needs no restart.
    const panels = html.includes("<!-- demo:panels -->")
      ? readFileSync(join(pagesDir, "_panels.html"), "utf8")
      : "";
    const gw = escapeAttr(ctx.gatewayUrl ?? "");
    return html
      .replace("<!-- demo:panels -->", () => panels)
      .replace(/\{\{cmHost\}\}/g, gw)
      .replace(/\{\{apiHost\}\}/g, gw);
  };

  const pageByPath = new Map<string, string>();
  for (const p of DEMO_PAGES) pageByPath.set(p.path, p.file);
  pageByPath.set("/index.html", "index.html");

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    let url: URL;
    try {
      url = new URL(req.url ?? "/", "http://demo.invalid");
    } catch {
      throw new HttpError(400, "bad_request", "the request target is not a valid URL path");
    }
    const path = url.pathname;
    // Requests can arrive between listen() and the emulator's start.
    if (!ctx.apps || !ctx.emulator || !ctx.gatewayUrl || ctx.port === undefined)
      throw new HttpError(503, "starting", "the demo is still starting; retry in a moment");
    const method = req.method ?? "GET";
    const isRead = method === "GET" || method === "HEAD";

    if (path.startsWith("/api/")) {
      const apps = ctx.apps;
      if (path === "/api/sign" || path === "/api/login") {
        if (method !== "POST") {
          res.setHeader("Allow", "POST");
          throw new HttpError(405, "method_not_allowed", `${path} takes POST with a JSON body`);
        }
        const body = await readJsonObject(req);
        if (path === "/api/sign") return sendJson(res, 200, handleSign(body, apps));
        const result = await handleLogin(body, apps, ctx.gatewayUrl);
        return sendJson(res, result.status, result.body);
      }
      if (!isRead) throw new HttpError(405, "method_not_allowed", `${path} takes GET`);
      if (path === "/api/config")
        return sendJson(res, 200, demoConfig(apps, ctx.gatewayUrl, ctx.emulator, ctx.port));
      if (path === "/api/inspect")
        return sendJson(res, 200, inspect(ctx.emulator, url.searchParams.get("traceId")));
      throw new HttpError(404, "not_found", `no API route ${path}`);
    }

    if (!isRead)
      throw new HttpError(405, "method_not_allowed", "the demo site serves pages with GET");

    // Browsers ask for it on every page; an empty answer keeps their consoles free of 404s.
    if (path === "/favicon.ico") {
      res.writeHead(204, { "Cache-Control": "max-age=86400" });
      res.end();
      return;
    }
    const pageFile = pageByPath.get(path);
    if (pageFile) {
      const html = renderPage(pageFile);
      if (html === undefined) throw new HttpError(404, "not_found", `page ${path} is missing`);
      return sendText(res, {
        status: 200,
        type: "text/html; charset=utf-8",
        text: html,
        head: method === "HEAD",
      });
    }
    const distName = DIST_ROUTES[path];
    if (distName) {
      if (sendFile(req, res, join(distDir, distName))) return;
      throw new HttpError(
        404,
        "not_built",
        `dist/${distName} is missing: run npm run build (npm run demo does)`,
      );
    }
    if (path.startsWith("/assets/")) {
      const name = path.slice("/assets/".length);
      // One flat folder: a name with a slash, a backslash or ".." is not one of ours.
      if (
        /^[\w.-]+$/.test(name) &&
        !name.includes("..") &&
        sendFile(req, res, join(pagesDir, "assets", name))
      )
        return;
    }
    throw new HttpError(404, "not_found", `nothing at ${path}`);
  };

  const onRequest = (req: IncomingMessage, res: ServerResponse) => {
    handle(req, res).catch((e: unknown) => {
      if (e instanceof HttpError) {
        sendError(res, e);
        // An unread oversized body would otherwise keep the socket busy.
        if (e.status === 413) res.on("finish", () => req.destroy());
        return;
      }
      sendJson(res, 500, {
        error: "internal",
        message: "the demo server failed on this request; see its console",
      });
      console.error("demo: request failed:", e);
    });
  };

  const server4 = createServer(onRequest);
  const server6 = createServer(onRequest);
  const port = await listen(server4, options.port ?? 8080, "127.0.0.1");
  let ipv6 = false;
  if (options.listenIpv6 !== false) {
    // Chromium may resolve localhost to ::1; the same port there keeps http://localhost:<port>/
    // working, which is what makes the referer/origin failure demonstrable. No IPv6: skip.
    try {
      await listen(server6, port, "::1");
      ipv6 = true;
    } catch {
      ipv6 = false;
    }
  }

  let emulator: DemoHandle["emulator"];
  let apps: DemoApps;
  let gatewayUrl: string;
  try {
    apps = createDemoApps(port);
    emulator = await startEmulator({
      port: options.gatewayPort ?? 7009,
      host: "127.0.0.1",
      demoOrigin: `http://127.0.0.1:${port}`,
      registry: { apps: Object.values(apps).map((a) => a.registration) },
      ...(options.log ? { log: options.log } : {}),
    });
    gatewayUrl = emulator.url.replace(/\/+$/, "");
    Object.assign(ctx, { apps, emulator, gatewayUrl, port });
  } catch (e) {
    await Promise.all([closeServer(server4), closeServer(server6)]);
    throw e;
  }

  return {
    url: `http://127.0.0.1:${port}/`,
    gatewayUrl,
    port,
    gatewayPort: Number(new URL(gatewayUrl).port),
    ipv6,
    apps,
    emulator,
    async close() {
      await Promise.all([closeServer(server4), closeServer(server6), emulator.close()]);
    },
  };
}

/** What the pages need to draw the switcher and the referer panel. No secrets. */
function demoConfig(
  apps: DemoApps,
  gatewayUrl: string,
  emulator: DemoHandle["emulator"],
  port: number,
) {
  return {
    gatewayUrl,
    apps: Object.values(apps).map((a) => ({
      name: a.name,
      appId: a.appId,
      label: a.label,
      authLevel: a.registration.authLevel,
    })),
    // The test SIMs are fictitious: a tester has to know which digits complete the masked number.
    sims: emulator.state.sims
      .list()
      .map((sim) => ({ ...publicSim(sim), hiddenDigits: sim.number.slice(3, 7) })),
    defaultSim: emulator.state.sims.defaultSimId,
    registered: registeredAddresses(port),
    originDemoPage: ORIGIN_DEMO_PAGE,
  };
}

/** The steps that fetch the number or the token, whose codes are the flow's outcome. */
const VERDICT_STEPS: ReadonlySet<EndpointId> = new Set<EndpointId>([
  "preGetMobile",
  "ctPhonescrip",
  "ctGateway",
  "ctCallback",
  "cuPhonescrip",
  "cuGateway",
  "cuCallback",
  "authGetToken",
]);
/** The CT/CU JSONP gateways say success with `result: "0"`, not 103000. */
const GATEWAY_STEPS: ReadonlySet<EndpointId> = new Set<EndpointId>(["ctGateway", "cuGateway"]);

/** The Referer/Origin the gateway saw for a flow, its verdict, and the flow's result codes. */
function inspect(emulator: DemoHandle["emulator"], traceId: string | null) {
  if (!traceId || !/^[0-9A-Za-z_-]{1,64}$/.test(traceId))
    throw new HttpError(400, "bad_traceId", "traceId query parameter required");
  const seen = emulator.state.seen.forTrace(traceId);
  const records = emulator.state.records
    .list({ traceId })
    .map((r) => ({ endpoint: r.endpoint, resultCode: r.resultCode, desc: r.desc }));
  if (!seen) return { found: false, message: "网关没有这次流程的 Referer/Origin 记录", records };
  // Only the number-fetch steps decide: getPageOption runs beside the pre-fetch, so its 103000
  // may land after a failed pre-fetch and must not pass for the flow's outcome.
  const steps = records.filter((r) => VERDICT_STEPS.has(r.endpoint));
  const ok = (r: (typeof steps)[number]) =>
    r.resultCode === OK || (GATEWAY_STEPS.has(r.endpoint) && r.resultCode === "0");
  // A flow that ended well is summed up by its last step; one that failed by its first failure
  // (later carriers' answers are consequences, e.g. 105003 "not this carrier").
  const last = steps[steps.length - 1];
  const decisive = last && ok(last) ? last : (steps.find((r) => !ok(r)) ?? last);
  return {
    found: true,
    referer: seen.referer,
    refererPage: seen.refererPage,
    refererAllowed: seen.refererOk,
    refererReason: seen.refererReason,
    origin: seen.origin,
    originAllowed: seen.originOk,
    originReason: seen.originReason,
    endpoint: seen.endpoint,
    resultCode: decisive?.resultCode,
    resultDesc: decisive?.desc,
    steps: records.map((r) => `${r.endpoint} ${r.resultCode}`),
    records,
  };
}
