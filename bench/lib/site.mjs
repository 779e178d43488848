// The bench's two loopback servers: a tiny static site (the integrator's page, with the UMD by
// <script>) and the gateway emulator from dist/, registered for that site's origin. The built
// files are read once at start, so a concurrent `npm run build` cannot change them mid-run.
import http from "node:http";
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { createRequire } from "node:module";
import { resolve } from "node:path";

const PAGE_JS = readFileSync(new URL("./page.js", import.meta.url));

/** The demo app of the sample registry with authLevel "4" (digits to type: the richest view). */
export const APP_ID = "300011000001";

const NEEDED = [
  "dist/ydrz-jssdk.umd.js",
  "dist/emulator.cjs",
  "dist/server.cjs",
  "dist/sample-registry.json",
  "dist/style.css",
];

/**
 * A private copy of dist/ (other engineers rebuild it while the bench runs): the UMD bytes, the
 * emulator and the server helpers all come from that copy, also in child processes (`dir`).
 */
export function snapshotDist(root, { waitMs = 60_000 } = {}) {
  const deadline = Date.now() + waitMs;
  for (;;) {
    const missing = NEEDED.filter((f) => !existsSync(resolve(root, f)));
    if (missing.length === 0) {
      const dir = mkdtempSync(resolve(tmpdir(), "ydrz-bench-"));
      try {
        cpSync(resolve(root, "dist"), resolve(dir, "dist"), { recursive: true });
        // The emulator resolves ../package.json-relative files from its own folder; nothing else.
        if (NEEDED.every((f) => existsSync(resolve(dir, f))))
          return { dir, missing: [], cleanup: () => rmSync(dir, { recursive: true, force: true }) };
      } catch {
        /* dist changed under us: try again */
      }
      rmSync(dir, { recursive: true, force: true });
    } else if (Date.now() > deadline) return { dir: root, missing, cleanup: () => {} };
    const until = Date.now() + 1000;
    while (Date.now() < until) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 200);
  }
}

export function loadDist(root) {
  const snap = snapshotDist(root);
  const base = snap.dir;
  const require = createRequire(resolve(root, "package.json"));
  const out = {
    dir: base,
    cleanup: snap.cleanup,
    umd: undefined,
    esm: undefined,
    emulator: undefined,
    server: undefined,
    errors: {},
  };
  try {
    out.umd = readFileSync(resolve(base, "dist/ydrz-jssdk.umd.js"));
  } catch (e) {
    out.errors.umd = `dist/ydrz-jssdk.umd.js missing (${e.code ?? e.message})`;
  }
  // The npm module's build, self-contained: the prepared group loads it where the UMD has no
  // `prepare`.
  try {
    out.esm = readFileSync(resolve(base, "dist/index.mjs"));
  } catch (e) {
    out.errors.esm = `dist/index.mjs missing (${e.code ?? e.message})`;
  }
  for (const [key, file] of [
    ["emulator", "dist/emulator.cjs"],
    ["server", "dist/server.cjs"],
  ]) {
    try {
      out[key] = require(resolve(base, file));
    } catch (e) {
      out.errors[key] = `${file} failed to load (${(e.message ?? String(e)).split("\n")[0]})`;
    }
  }
  return out;
}

const CJK_HOST =
  '<style>body{font-family:-apple-system,BlinkMacSystemFont,"PingFang SC","Microsoft YaHei",sans-serif}</style>' +
  '<h1>欢迎登录</h1><p>使用本机号码一键登录，无需短信验证码。</p><input placeholder="请输入手机号"> <button>本机号码一键登录</button>';

const html = (body, head = "") =>
  `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="referrer" content="always">${head}<title>bench</title></head><body>${body}</body></html>`;

/**
 * Starts the static site; `setGateway(url)` fills the hosts that the page passes to config().
 * `esm` (dist/index.mjs), when given, is served as `/index.mjs` for `/index.html?build=esm`.
 */
export async function startStaticSite(umd, esm) {
  let gateway = "";
  // Other builds of the same config by name (`/index.html?umd=<name>` loads `/ydrz-jssdk.<name>.js`):
  // "profile", source-mapped for CPU profiles.
  const variants = new Map();
  const hosts = () => `{cmHost:${JSON.stringify(gateway)},apiHost:${JSON.stringify(gateway)}}`;
  // The SDK as the page loads it: the UMD (or a variant of it) by <script>, or with `?build=esm`
  // the npm module's build by <script type="module">, which then sets the same global.
  const sdkScripts = (url) => {
    if (url.searchParams.get("build") === "esm")
      return (
        `<script src="/bench-page.js"></script><script type="module">` +
        `import { YDRZAuthLogin } from "/index.mjs"; window.YDRZAuthLogin = YDRZAuthLogin; ` +
        `YDRZAuthLogin.config(${hosts()});</script>`
      );
    const umdName = variants.has(url.searchParams.get("umd")) ? url.searchParams.get("umd") : "umd";
    return (
      `<script src="/ydrz-jssdk.${umdName}.js"></script><script src="/bench-page.js"></script>` +
      `<script>YDRZAuthLogin.config(${hosts()});</script>`
    );
  };
  const pages = {
    // The integrator's page: empty (so the first contentful paint is the view), the UMD by <script>.
    // `?host=cjk`: a login page as integrators have them (Chinese text in a common font stack, an
    // input, a button), so that the engine's first-use work (CJK fonts, form controls) is done
    // before the view opens, as it is on a real page.
    "/index.html": (url) =>
      html(
        (url.searchParams.get("host") === "cjk" ? CJK_HOST : "") +
          `<div id="ydrzCustomControls"></div>` +
          sdkScripts(url),
      ),
    // No SDK: the script-eval group inserts it itself.
    "/blank.html": () => html(`<script src="/bench-page.js"></script>`),
    "/agreement.html": () => html("agreement"),
    "/other.html": () => html("other"),
  };
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://x");
    const path = url.pathname;
    const send = (status, type, body) => {
      res.writeHead(status, {
        "Content-Type": type,
        "Cache-Control": "no-store",
        "Content-Length": Buffer.byteLength(body),
      });
      res.end(body);
    };
    if (pages[path]) return send(200, "text/html; charset=utf-8", pages[path](url));
    const variant = /^\/ydrz-jssdk\.(\w+)\.js$/.exec(path);
    if (variant && variants.has(variant[1]))
      return send(200, "text/javascript; charset=utf-8", variants.get(variant[1]));
    if (path === "/ydrz-jssdk.umd.js" && umd)
      return send(200, "text/javascript; charset=utf-8", umd);
    if (path === "/index.mjs" && esm) return send(200, "text/javascript; charset=utf-8", esm);
    if (path === "/bench-page.js") return send(200, "text/javascript; charset=utf-8", PAGE_JS);
    if (path === "/favicon.ico") return send(204, "image/x-icon", "");
    send(404, "text/plain", "not found");
  });
  await new Promise((ok, fail) => {
    server.once("error", fail);
    server.listen(0, "127.0.0.1", ok);
  });
  const origin = `http://127.0.0.1:${server.address().port}`;
  return {
    origin,
    setGateway(url) {
      gateway = url;
    },
    setUmd(name, code) {
      variants.set(name, code);
    },
    close: () =>
      new Promise((ok) => {
        server.close(() => ok());
        server.closeAllConnections();
      }),
  };
}

/**
 * Site + emulator, or the reason they cannot run. `flowData(sim)` makes fresh signed `data` for
 * getTokenInfo (the integrator's server would compute the sign; here Node does it).
 */
export async function startBenchEnv(dist) {
  if (!dist.umd) return { error: dist.errors.umd };
  if (!dist.emulator?.startEmulator)
    return { error: dist.errors.emulator ?? "dist/emulator.cjs has no startEmulator" };
  const site = await startStaticSite(dist.umd, dist.esm);
  let emu;
  try {
    emu = await dist.emulator.startEmulator({
      host: "127.0.0.1",
      port: 0,
      demoOrigin: site.origin,
      log: () => {},
    });
  } catch (e) {
    await site.close();
    return { error: `startEmulator failed (${e.message})` };
  }
  site.setGateway(emu.url);
  // The registry the emulator loaded (its sample one): the appKey stays on the Node side.
  const app = emu.state?.registry?.get?.(APP_ID);
  if (!app?.appKey) {
    await emu.close();
    await site.close();
    return { error: `the emulator's registry has no app ${APP_ID}` };
  }
  const sims = Object.fromEntries((dist.emulator.DEFAULT_SIMS ?? []).map((s) => [s.id, s]));

  const admin = async (method, path, body) => {
    const res = await fetch(emu.url + "/__emulator" + path, {
      method,
      headers: body ? { "content-type": "application/json" } : {},
      body: body ? JSON.stringify(body) : undefined,
    });
    const text = await res.text();
    if (!res.ok)
      throw new Error(`admin ${method} ${path}: HTTP ${res.status} ${text.slice(0, 200)}`);
    return text ? JSON.parse(text) : null;
  };

  const flowData = (sim) => {
    const helpers = dist.server;
    const traceId = helpers.newTraceId();
    const timestamp = helpers.newTimestamp();
    const fields = { appId: APP_ID, traceId, timestamp, version: "2.0", businessType: "8" };
    return {
      version: "2.0",
      appId: APP_ID,
      traceId,
      timestamp,
      businessType: "8",
      openType: "1",
      expandParams: `sim=${sim}`,
      sign: helpers.signGetTokenInfo(fields, app.appKey),
    };
  };

  return {
    site,
    emu,
    gateway: emu.url,
    pageUrl: site.origin + "/index.html",
    /** The same page with the npm module's build (dist/index.mjs) instead of the UMD. */
    esmPageUrl: dist.esm ? site.origin + "/index.html?build=esm" : undefined,
    profilePageUrl: site.origin + "/index.html?umd=profile",
    profileUmdUrl: site.origin + "/ydrz-jssdk.profile.js",
    blankUrl: site.origin + "/blank.html",
    sims,
    admin,
    flowData,
    /** The hidden middle digits of a SIM's number (authLevel "4"). */
    hiddenDigits: (sim) => (sims[sim]?.number ?? "").slice(3, 7),
    async setLatency(ms) {
      await admin("DELETE", "/faults");
      if (ms > 0) await admin("POST", "/faults", { endpoint: "*", latencyMs: ms });
    },
    async reset() {
      await admin("POST", "/reset", {});
    },
    async close() {
      await emu.close().catch(() => {});
      await site.close();
    },
  };
}

/** Loads the bench page in `p` (from openPage) and checks that the UMD defined its global. */
export async function loadBenchPage(env, p, url = env.pageUrl) {
  await p.page.goto(url, { waitUntil: "load" });
  const ok = await p.page.evaluate(
    () => typeof window.YDRZAuthLogin === "object" && typeof window.__bench === "object",
  );
  if (!ok) throw new Error("the UMD did not define window.YDRZAuthLogin");
}

/**
 * Opens one view on the loaded bench page; the result of `__bench.open`.
 * @param {{ view: string, sim: string, timeoutMs?: number }} opts
 */
export async function openView(env, p, { view, sim, timeoutMs = 15_000 }) {
  const data = env.flowData(sim);
  const r = await p.page.evaluate(
    ([view, data, opts]) => window.__bench.open(view, data, opts),
    [view, data, { origin: env.gateway, timeoutMs }],
  );
  return r;
}

/** Why no view appeared: the callback payload, shortened. */
export function failureReason(r) {
  if (r?.mark) return undefined;
  const o = r?.outcome?.find((x) => x.kind === "error") ?? r?.outcome?.[0];
  if (!o) return "no view root (#YDRZLayer/#YDRZLayerTwo/#YDRZPage) appeared and no callback";
  const res = o.res ?? {};
  const code = res.code ?? res.YDData?.code;
  const parts = [o.kind, code, res.message ?? res.YDData?.message].filter(Boolean);
  if (res.CTData) parts.push(`CT ${res.CTData.code}`);
  if (res.CUData) parts.push(`CU ${res.CUData.code}`);
  return `${parts.join(" ")} before any view`;
}
