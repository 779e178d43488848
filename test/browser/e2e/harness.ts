/**
 * The end-to-end harness: the demo site and its in-process gateway emulator on ephemeral loopback
 * ports, a fixture server for pages that are not the demo's (the seed 003 drop-in page, the
 * no-Referer page, a bundled SPA), one Chromium per test file, a fresh context per test, and a
 * recorder of every SDK callback a page receives.
 *
 * Servers are started from the TypeScript sources (demo/app.ts → src/emulator), while the pages
 * load the *built* browser bundles from dist/ (the UMD, dist/index.mjs, dist/style.css): the
 * servers are test infrastructure and in-process start-up lets each file own its own ports, the
 * bundles are what integrators ship. `npm test` builds before vitest runs.
 *
 * Every wait is on a condition (selectors, `waitForFunction`, `expect.poll`); nothing sleeps.
 */
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { setTimeout as delay } from "node:timers/promises";
import {
  createServer,
  request as httpRequest,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from "node:http";
import type { AddressInfo } from "node:net";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import type { Browser, BrowserContext, Locator, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, expect } from "vitest";
import { startDemo, type DemoHandle } from "../../../demo/app";

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../../..");
export const FIXTURES = join(ROOT, "test/browser/e2e/fixtures");
export const SCREENSHOTS = join(ROOT, "test-results/screenshots/e2e");

// ---------------------------------------------------------------------------------------------
// Browser

import { launchChromium as launchBrowser } from "../../../scripts/chromium.mjs";

export { launchBrowser };

export interface Device {
  name: "iphone" | "android";
  viewport: { width: number; height: number };
  deviceScaleFactor: number;
  isMobile: true;
  hasTouch: true;
  userAgent: string;
}

export const IPHONE: Device = {
  name: "iphone",
  viewport: { width: 390, height: 844 },
  deviceScaleFactor: 3,
  isMobile: true,
  hasTouch: true,
  userAgent:
    "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1",
};

export const ANDROID: Device = {
  name: "android",
  viewport: { width: 412, height: 915 },
  deviceScaleFactor: 2.625,
  isMobile: true,
  hasTouch: true,
  userAgent:
    "Mozilla/5.0 (Linux; Android 14; Pixel 7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Mobile Safari/537.36",
};

export const DEVICES: readonly Device[] = [IPHONE, ANDROID];

// ---------------------------------------------------------------------------------------------
// Callback recording

export interface CallbackEntry {
  /** The SDK method whose callback fired: getTokenInfo, authGetTokenByLayer, authGetToken, or a fixture's own name. */
  method: string;
  /** success, error, layerCallback (or a fixture's own kind). */
  kind: string;
  payload: any;
  at: number;
}

/**
 * Wraps the callbacks handed to `window.YDRZAuthLogin` (defined by the UMD) as the page passes
 * them, so that every invocation reaches the test through an exposed binding, in order. The page
 * itself is unchanged: the wrappers call the page's own callbacks with the same arguments.
 */
const INSTRUMENT = `(() => {
  if (window.top !== window || window.__e2eInstalled) return;
  window.__e2eInstalled = true;
  const report = (method, kind, payload) => {
    let copy;
    try { copy = JSON.parse(JSON.stringify(payload === undefined ? null : payload)); }
    catch (e) { copy = { unserialisable: String(payload) }; }
    try { window.__e2eReport(method, kind, copy); } catch (e) {}
  };
  const wrap = (method, kind, fn) => function () {
    report(method, kind, arguments[0]);
    if (typeof fn === "function") return fn.apply(this, arguments);
  };
  const instrument = (sdk) => {
    if (!sdk || (typeof sdk !== "object" && typeof sdk !== "function") || sdk.__e2eWrapped) return sdk;
    try {
      const getTokenInfo = sdk.getTokenInfo;
      sdk.getTokenInfo = function (options) {
        if (!options || typeof options !== "object") return getTokenInfo.apply(this, arguments);
        const o = Object.assign({}, options);
        o.success = wrap("getTokenInfo", "success", options.success);
        o.error = wrap("getTokenInfo", "error", options.error);
        if (typeof options.layerCallback === "function") o.layerCallback = wrap("getTokenInfo", "layerCallback", options.layerCallback);
        return getTokenInfo.call(this, o);
      };
      const byLayer = sdk.authGetTokenByLayer;
      sdk.authGetTokenByLayer = function (first, second) {
        if (first && typeof first === "object") {
          return byLayer.call(this, Object.assign({}, first, {
            success: wrap("authGetTokenByLayer", "success", first.success),
            error: wrap("authGetTokenByLayer", "error", first.error),
          }));
        }
        return byLayer.call(this, wrap("authGetTokenByLayer", "success", first), wrap("authGetTokenByLayer", "error", second));
      };
      const authGetToken = sdk.authGetToken;
      sdk.authGetToken = function (options) {
        if (!options || typeof options !== "object") return authGetToken.apply(this, arguments);
        return authGetToken.call(this, Object.assign({}, options, {
          success: wrap("authGetToken", "success", options.success),
          error: wrap("authGetToken", "error", options.error),
        }));
      };
      Object.defineProperty(sdk, "__e2eWrapped", { value: true });
    } catch (e) {
      report("instrument", "failed", String(e));
    }
    return sdk;
  };
  let current;
  Object.defineProperty(window, "YDRZAuthLogin", {
    configurable: true,
    enumerable: true,
    get() { return current; },
    set(v) { current = instrument(v); },
  });
})();`;

export class Recorder {
  readonly entries: CallbackEntry[] = [];
  readonly pageErrors: string[] = [];
  /** Requests to anything but loopback (blocked by the resolver rule, but worth reporting). */
  readonly external: string[] = [];

  of(method: string, kind?: string): CallbackEntry[] {
    return this.entries.filter(
      (e) => e.method === method && (kind === undefined || e.kind === kind),
    );
  }

  /** Final callbacks of getTokenInfo: every success/error except the custom popup's "弹窗加载成功". */
  finals(method = "getTokenInfo"): CallbackEntry[] {
    return this.of(method).filter(
      (e) => e.kind === "error" || (e.kind === "success" && e.payload?.message !== "弹窗加载成功"),
    );
  }

  /** Waits until `method` has had `count` callbacks of `kind` and returns the last one. */
  async next(method: string, kind: string, count = 1): Promise<CallbackEntry> {
    await expect
      .poll(() => this.of(method, kind).length, {
        timeout: 30_000,
        message: `${method} ${kind} callback #${count}`,
      })
      .toBeGreaterThanOrEqual(count);
    return this.of(method, kind)[count - 1];
  }

  /** Waits for the first final callback (success or error) of getTokenInfo. */
  async final(method = "getTokenInfo"): Promise<CallbackEntry> {
    await expect
      .poll(() => this.finals(method).length, {
        timeout: 30_000,
        message: `a final ${method} callback`,
      })
      .toBeGreaterThanOrEqual(1);
    return this.finals(method)[0];
  }
}

export interface Session {
  context: BrowserContext;
  page: Page;
  rec: Recorder;
  device: Device;
}

/** A fresh context (no cookies, no storage, no cached CORS preflights) with the recorder installed. */
export async function newSession(browser: Browser, device: Device = IPHONE): Promise<Session> {
  // Everything of the device but its name, which is only for screenshot file names.
  const context = await browser.newContext({
    viewport: device.viewport,
    deviceScaleFactor: device.deviceScaleFactor,
    isMobile: device.isMobile,
    hasTouch: device.hasTouch,
    userAgent: device.userAgent,
    locale: "zh-CN",
  });
  const rec = new Recorder();
  await context.exposeBinding(
    "__e2eReport",
    (_source, method: string, kind: string, payload: unknown) => {
      rec.entries.push({ method, kind, payload, at: Date.now() });
    },
  );
  await context.addInitScript({ content: INSTRUMENT });
  context.on("request", (r) => {
    const host = new URL(r.url()).hostname;
    if (
      /^https?:/.test(r.url()) &&
      host !== "127.0.0.1" &&
      host !== "localhost" &&
      host !== "[::1]"
    )
      rec.external.push(r.url());
  });
  const page = await context.newPage();
  page.on("pageerror", (e) => rec.pageErrors.push(String(e && e.stack ? e.stack : e)));
  const session = { context, page, rec, device };
  opened.push(session);
  return session;
}

// ---------------------------------------------------------------------------------------------
// Servers: demo + emulator, admin API, fixture server

export interface Admin {
  get<T = any>(path: string): Promise<T>;
  send<T = any>(method: string, path: string, body?: unknown): Promise<T>;
  reset(): Promise<void>;
  records(filter?: Record<string, string>): Promise<any[]>;
  session(traceId: string): Promise<{ simId: string | null; seen: any; records: any[] }>;
  fault(f: Record<string, unknown>): Promise<void>;
  advanceClock(ms: number): Promise<void>;
  addSim(sim: Record<string, unknown>): Promise<void>;
  addPage(appId: string, url: string): Promise<void>;
}

async function json(res: Response, what: string): Promise<any> {
  const text = await res.text();
  let body: any;
  try {
    body = JSON.parse(text);
  } catch {
    throw new Error(`${what}: HTTP ${res.status}, not JSON: ${text.slice(0, 200)}`);
  }
  if (!res.ok) throw new Error(`${what}: HTTP ${res.status} ${JSON.stringify(body).slice(0, 300)}`);
  return body;
}

export function adminClient(gatewayUrl: string): Admin {
  const base = gatewayUrl.replace(/\/+$/, "") + "/__emulator";
  const send = async (method: string, path: string, body?: unknown) =>
    json(
      await fetch(base + path, {
        method,
        headers: body === undefined ? {} : { "Content-Type": "application/json" },
        body: body === undefined ? undefined : JSON.stringify(body),
      }),
      `${method} /__emulator${path}`,
    );
  return {
    get: (path) => send("GET", path),
    send,
    async reset() {
      await send("POST", "/reset", {});
    },
    async records(filter = {}) {
      const q = new URLSearchParams(filter).toString();
      return (await send("GET", "/records" + (q ? "?" + q : ""))).records;
    },
    session: (traceId) => send("GET", "/sessions/" + encodeURIComponent(traceId)),
    async fault(f) {
      await send("POST", "/faults", f);
    },
    async advanceClock(ms) {
      await send("POST", "/clock", { advanceMs: ms });
    },
    async addSim(sim) {
      await send("POST", "/sims", sim);
    },
    async addPage(appId, url) {
      await send("POST", `/apps/${encodeURIComponent(appId)}/pages`, { url });
    },
  };
}

/**
 * SIMs the suite adds through the admin API: distinct hidden digits per carrier, so that a login
 * proves the typed digits reached the gateway and the number came back from tokenValidate.
 */
export const E2E_SIMS = {
  CM: {
    id: "e2e-cm",
    number: "13847261234",
    carrier: "CM",
    network: "cellular",
    label: "e2e 移动",
  },
  CT: {
    id: "e2e-ct",
    number: "18935817788",
    carrier: "CT",
    network: "cellular",
    label: "e2e 电信",
  },
  CU: {
    id: "e2e-cu",
    number: "18690426655",
    carrier: "CU",
    network: "cellular",
    label: "e2e 联通",
  },
} as const;
export type CarrierName = keyof typeof E2E_SIMS;
export const CARRIERS: readonly CarrierName[] = ["CM", "CT", "CU"];

export const hiddenDigits = (number: string) => number.slice(3, 7);
export const masked = (number: string) => number.slice(0, 3) + "****" + number.slice(7);

export interface Stack {
  demo: DemoHandle;
  admin: Admin;
  /** http://127.0.0.1:<port> of the demo site, no trailing slash. */
  demoUrl: string;
  gatewayUrl: string;
  fixtures: FixtureServer;
  /** The demo's default app (authLevel 4). */
  appId: string;
  /** The private root the servers read dist/ from. */
  root: string;
  /** Back to a clean emulator with the suite's SIMs and fixture pages registered. */
  reset(): Promise<void>;
  close(): Promise<void>;
}

export interface FixtureServer {
  url: string;
  /** Extra routes (e.g. a bundled SPA) served as text with a content type. */
  set(path: string, body: string, type: string): void;
  close(): Promise<void>;
}

/**
 * Pages of the fixture server that the suite registers (page address as referer, and the fixture
 * origin) for the demo's default app. `/policy/<p>.html` is one integrator page served with a
 * different referrer policy each.
 */
export const REFERRER_POLICIES = {
  default: "",
  "no-referrer": "no-referrer",
  always: "always",
} as const;
export type ReferrerPolicyName = keyof typeof REFERRER_POLICIES;
export const FIXTURE_PAGES = [
  "/seed/mobile.html",
  "/spa.html",
  ...Object.keys(REFERRER_POLICIES).map((p) => `/policy/${p}.html`),
];

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
};

/**
 * Plays a second integrator site: static pages from fixtures/, the built SDK and crypto-js (which
 * the seed's pages still load; a dev dependency) under the seed's §3.1 paths, and `/api/sign` + `/api/login` forwarded to the demo backend (the
 * integrator's server, which holds the appKey and the RSA key).
 */
export async function startFixtureServer(
  root: string,
  demoUrl: string,
  gatewayUrl: string,
): Promise<FixtureServer> {
  const extra = new Map<string, { body: string; type: string }>();
  const cryptoJs = join(root, "node_modules/crypto-js/crypto-js.js");
  const files: Record<string, string> = {
    "/h5/js/jssdk_auth/jssdk-1.0.0.min.js": join(root, "dist/ydrz-jssdk.umd.js"),
    "/h5/js/jssdk_auth/css/ydrz-layer.css": join(root, "dist/style.css"),
    "/h5/js/crypto-js.js": cryptoJs,
    "/dist/style.css": join(root, "dist/style.css"),
  };
  const pages: Record<string, { file: string; meta?: string }> = {
    "/seed/mobile.html": { file: "seed-dropin.html" },
    "/spa.html": { file: "spa.html" },
  };
  for (const [name, policy] of Object.entries(REFERRER_POLICIES)) {
    pages[`/policy/${name}.html`] = {
      file: "referrer-policy.html",
      meta: policy ? `<meta name="referrer" content="${policy}">` : "",
    };
  }
  const forward = (req: IncomingMessage, res: ServerResponse) => {
    const target = new URL(req.url ?? "/", demoUrl);
    const out = httpRequest(
      target,
      {
        method: req.method,
        headers: { "content-type": req.headers["content-type"] ?? "application/json" },
      },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, {
          "Content-Type": answer.headers["content-type"] ?? "application/json",
        });
        answer.pipe(res);
      },
    );
    out.on("error", (e) => {
      res.writeHead(502, { "Content-Type": "text/plain" });
      res.end(String(e));
    });
    req.pipe(out);
  };
  const server: Server = createServer((req, res) => {
    const path = new URL(req.url ?? "/", "http://fixture.invalid").pathname;
    if (path === "/api/sign" || path === "/api/login") return forward(req, res);
    const added = extra.get(path);
    if (added) {
      res.writeHead(200, { "Content-Type": added.type, "Cache-Control": "no-store" });
      return res.end(added.body);
    }
    const page = pages[path];
    if (page) {
      const gw = gatewayUrl.replace(/\/+$/, "");
      let html = readFileSync(join(FIXTURES, page.file), "utf8")
        .replace(/\{\{cmHost\}\}/g, gw)
        .replace(/\{\{apiHost\}\}/g, gw);
      if (page.meta !== undefined) html = html.replace("<!--referrer-policy-->", page.meta);
      res.writeHead(200, { "Content-Type": TYPES[".html"], "Cache-Control": "no-store" });
      return res.end(html);
    }
    const file = files[path];
    if (file && existsSync(file)) {
      res.writeHead(200, {
        "Content-Type": TYPES[file.slice(file.lastIndexOf("."))] ?? "application/octet-stream",
        "Cache-Control": "no-store",
      });
      return res.end(readFileSync(file));
    }
    res.writeHead(404, { "Content-Type": "text/plain" });
    res.end(`fixture server: nothing at ${path}`);
  });
  await new Promise<void>((ok, fail) => {
    server.once("error", fail);
    server.listen(0, "127.0.0.1", () => ok());
  });
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    set(path, body, type) {
      extra.set(path, { body, type });
    },
    close: () =>
      new Promise<void>((done) => {
        server.close(() => done());
        server.closeAllConnections?.();
      }),
  };
}

const BUILT = ["ydrz-jssdk.umd.js", "index.mjs", "style.css"];

/**
 * Waits until dist/ holds a finished build. build.mjs empties dist/ first and writes style.css
 * last, so all files present means no build is half-way (another engineer's `npm run build` in the
 * shared checkout, or none at all: then this fails with the command to run).
 */
export async function waitForDist(timeoutMs = DIST_WAIT_MS): Promise<void> {
  const missing = () => BUILT.filter((f) => !existsSync(join(ROOT, "dist", f)));
  // A condition poll (expect.poll is not available in hooks): re-check every 500 ms until done.
  const deadline = Date.now() + timeoutMs;
  while (missing().length > 0) {
    if (Date.now() > deadline)
      throw new Error(
        `dist/${missing().join(", dist/")} missing: run npm run build first (npm test does)`,
      );
    await delay(500);
  }
}

/** beforeAll of each file: a concurrent build can take this long on a busy machine. */
export const DIST_WAIT_MS = 150_000;
export const STARTUP_TIMEOUT_MS = DIST_WAIT_MS + 30_000;

/**
 * A private root for one test file: the built dist/ copied, demo/ and node_modules/ linked. A
 * rebuild in the shared checkout (build.mjs empties dist/ first) then cannot pull the bundle
 * from under a running suite, and every page of a file loads the same bundle.
 */
export async function snapshotRoot(): Promise<{ root: string; remove(): void }> {
  await waitForDist();
  const root = mkdtempSync(join(tmpdir(), "ydrz-e2e-"));
  cpSync(join(ROOT, "dist"), join(root, "dist"), { recursive: true });
  for (const link of ["demo", "node_modules", "package.json"])
    symlinkSync(join(ROOT, link), join(root, link));
  return { root, remove: () => rmSync(root, { recursive: true, force: true }) };
}

export async function startStack(): Promise<Stack> {
  const snapshot = await snapshotRoot();
  const demo = await startDemo({ port: 0, gatewayPort: 0, root: snapshot.root });
  const demoUrl = demo.url.replace(/\/+$/, "");
  const gatewayUrl = demo.gatewayUrl.replace(/\/+$/, "");
  const admin = adminClient(gatewayUrl);
  const fixtures = await startFixtureServer(snapshot.root, demoUrl, gatewayUrl);
  const appId = demo.apps.default.appId;
  const reset = async () => {
    await admin.reset();
    for (const sim of Object.values(E2E_SIMS)) await admin.addSim(sim);
    for (const p of FIXTURE_PAGES) await admin.addPage(appId, fixtures.url + p);
  };
  await reset();
  return {
    demo,
    admin,
    demoUrl,
    gatewayUrl,
    fixtures,
    appId,
    reset,
    root: snapshot.root,
    async close() {
      await fixtures.close();
      await demo.close();
      snapshot.remove();
    },
  };
}

// ---------------------------------------------------------------------------------------------
// The views, as a user sees them

export type ViewName =
  "standard-popup" | "custom-popup" | "custom-popup-mask" | "standard-page" | "custom-page";
export const VIEWS: readonly ViewName[] = [
  "standard-popup",
  "custom-popup",
  "custom-popup-mask",
  "standard-page",
  "custom-page",
];

/** The demo page of each view and the root element the SDK draws (views.md DOM contract). */
export const VIEW_INFO: Record<ViewName, { page: string; root: string; submit: string | null }> = {
  "standard-popup": { page: "/standard-popup.html", root: "#YDRZLayer", submit: "#YDRZ_Submitbtn" },
  // Without mask the integrator's own button calls authGetTokenByLayer (seed 003 §3.5.1 4)).
  "custom-popup": { page: "/custom-popup.html", root: "#YDRZLayerTwo", submit: "#layer-submit" },
  // authLevel 4 with mask: no button (seed 003 §3.5.3: submitBtnStyle "仅限 level=1"); the popup
  // asks for the token by itself once the digits are complete and the agreement is ticked.
  "custom-popup-mask": { page: "/custom-popup-mask.html", root: "#YDRZLayerTwo", submit: null },
  "standard-page": { page: "/standard-page.html", root: "#YDRZPage", submit: "#YDRZ_Submitbtn" },
  "custom-page": { page: "/custom-page.html", root: "#YDRZPage", submit: "#YDRZ_Submitbtn" },
};

/** Any SDK view root still in the document. */
export const ANY_VIEW = "#YDRZLayer, #YDRZLayerTwo, #YDRZPage, .qs-key-board-wrap, #YDRZLoad";

/** Which demo page openDemoPage opens, and how. */
export interface DemoPage {
  /** The page's path on the demo site, e.g. `/standard-popup.html`. */
  path: string;
  /** Its documented parameters, e.g. `{ sim: "cm", scenario: "level1" }`. */
  query?: Record<string, string>;
  /** The host name in the address (the demo registers 127.0.0.1 pages only). */
  host?: string;
}

/** Opens a demo page with a SIM / scenario chosen through its documented `?sim=&scenario=` parameters. */
export async function openDemoPage(
  s: Session,
  stack: Stack,
  { path, query = {}, host = "127.0.0.1" }: DemoPage,
): Promise<void> {
  const url = new URL(stack.demoUrl + path);
  url.hostname = host;
  for (const [k, v] of Object.entries(query)) url.searchParams.set(k, v);
  await s.page.goto(url.toString());
  // The switcher is filled from /api/config; the page signs with what it shows.
  await s.page.waitForFunction(
    () => (window as any).Demo && (window as any).Demo.config() !== null,
  );
  await s.page.waitForFunction(
    () =>
      typeof (window as any).YDRZAuthLogin === "object" ||
      typeof (window as any).YDRZAuthLogin === "function",
  );
}

/** Presses the demo's login button; resolves with the traceId the demo backend signed. */
export async function pressLogin(s: Session): Promise<string> {
  const signed = s.page.waitForResponse(
    (r) => r.url().endsWith("/api/sign") && r.request().method() === "POST",
  );
  await tap(s.page.locator("#login"));
  const res = await signed;
  expect(res.status()).toBe(200);
  return (await res.json()).traceId as string;
}

/** Taps on touch devices (the suite's contexts all have touch), with a click's actionability checks. */
export async function tap(locator: Locator): Promise<void> {
  await locator.tap();
}

export function view(s: Session, name: ViewName): Locator {
  return s.page.locator(VIEW_INFO[name].root);
}

/** Taps the number to open the SDK's keypad, then taps each digit on it. */
export async function enterDigitsOnKeypad(
  s: Session,
  name: ViewName,
  digits: string,
): Promise<void> {
  const root = view(s, name);
  await tap(root.locator(".ydrz-digit").first());
  const board = s.page.locator(".qs-key-board-wrap #qs-keyboard-id");
  await board.waitFor({ state: "visible" });
  for (const d of digits) await tap(board.locator(`[qs-data-value="${d}"]`));
  await expect.poll(() => digitValues(s, name)).toBe(digits);
}

/** Types the digits with a (physical or IME) keyboard into the first cell. */
export async function typeDigits(s: Session, name: ViewName, digits: string): Promise<void> {
  const first = view(s, name).locator(".ydrz-digit").first();
  await first.focus();
  await s.page.keyboard.type(digits);
  await expect.poll(() => digitValues(s, name)).toBe(digits);
}

export async function digitValues(s: Session, name: ViewName): Promise<string> {
  return view(s, name)
    .locator(".ydrz-digit")
    .evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value).join(""));
}

/**
 * Ticks the agreement checkbox by tapping its visible box. The view that submits by itself may be
 * gone as soon as the tick completes it; that counts as ticked.
 */
export async function agree(s: Session, name: ViewName): Promise<void> {
  const root = view(s, name);
  const box = root.locator("input[type=checkbox][id^='YDRZ_Checkbox_']");
  if (!(await box.isChecked())) await tap(root.locator("label.ydrz-check").first());
  const states = () => box.evaluateAll((els) => els.map((e) => (e as HTMLInputElement).checked));
  const accepted = VIEW_INFO[name].submit === null ? ["[true]", "[]"] : ["[true]"];
  await expect
    .poll(async () => accepted.includes(JSON.stringify(await states())), {
      message: "the agreement is ticked",
    })
    .toBe(true);
}

/** Presses the view's submit button; a no-op for the view that submits by itself. */
export async function submit(s: Session, name: ViewName): Promise<void> {
  const selector = VIEW_INFO[name].submit;
  if (selector === null) return;
  const btn = s.page.locator(selector);
  await expect.poll(() => btn.isEnabled()).toBe(true);
  await tap(btn);
}

/** Waits until the demo page shows the number its backend got from tokenValidate. */
export async function expectLoggedIn(s: Session, number: string): Promise<void> {
  await expect
    .poll(() => s.page.locator("#phone").textContent(), {
      timeout: 30_000,
      message: "#phone shows the number from /api/login",
    })
    .toBe(number);
  await expect(s.page.locator("#result").isVisible()).resolves.toBe(true);
}

/** For afterEach: keeps what the page looked like when a test failed. */
export async function screenshotOnFailure(
  s: Session | undefined,
  task: { name: string; result?: { state?: string } },
): Promise<void> {
  if (!s) return;
  const name = "FAILED-" + task.name.replace(/[^\w-]+/g, "_").slice(0, 80);
  // A passing run removes the picture an earlier failing run left.
  if (task.result?.state !== "fail")
    return rmSync(join(SCREENSHOTS, `${name}-${s.device.name}.png`), { force: true });
  await screenshot(s, name).catch(() => undefined);
}

export async function screenshot(s: Session, name: string): Promise<string> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const file = join(SCREENSHOTS, `${name}-${s.device.name}.png`);
  await s.page.screenshot({ path: file, fullPage: false });
  return file;
}

/** The payload without the optional `timing` object api.md allows on success and error payloads. */
export function withoutTiming<T extends Record<string, unknown>>(payload: T): Omit<T, "timing"> {
  const entries = Object.entries(payload).filter(([key]) => key !== "timing");
  return Object.fromEntries(entries) as Omit<T, "timing">;
}

/** Posts to the demo backend from Node, as the integrator's front end would. */
export async function demoApi(
  stack: Stack,
  path: string,
  body: unknown,
): Promise<{ status: number; json: any }> {
  const res = await fetch(stack.demoUrl + path, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(body),
  });
  return { status: res.status, json: await res.json() };
}

// ---------------------------------------------------------------------------------------------
// One test file's lifecycle

/** The current file's servers and browser (live bindings, set by `useE2e` before the tests run). */
export let stack: Stack;
export let browser: Browser;
/** Sessions the running test opened (newSession): closed after it. */
const opened: Session[] = [];

/**
 * Registers a test file's lifecycle: the demo stack (demo site + emulator) and Chromium started
 * once, every browser context a test opened closed after it — with a screenshot when it failed —
 * and the emulator reset, so that each test starts from a fresh context and a clean gateway.
 */
export function useE2e(setup?: (stack: Stack) => Promise<void>): void {
  beforeAll(async () => {
    [stack, browser] = await Promise.all([startStack(), launchBrowser()]);
    await setup?.(stack);
  }, STARTUP_TIMEOUT_MS);
  afterEach(async (ctx) => {
    await screenshotOnFailure(opened[opened.length - 1], ctx.task);
    for (const session of opened.splice(0)) await session.context.close();
    await stack.reset();
  });
  afterAll(async () => {
    await browser?.close();
    await stack?.close();
  });
}
