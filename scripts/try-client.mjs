// "Bring your own client": runs a browser one-click-login client against the gateway emulator in
// Chromium and reports, flow by flow, what it sent and whether its token validates.
//
//   npm run try-client -- [--bundle client.js] [--before extra.js]... [--css sheet.css]...
//                         [--only name,name] [--timeout 20000]
//
// The client is any script that defines `window.YDRZAuthLogin` (default: this repo's UMD,
// dist/ydrz-jssdk.umd.js). `--before` scripts load first (e.g. crypto-js for a client that needs
// a global CryptoJS), `--css` stylesheets are linked in the page head (from the routed gateway
// host, where their relative image URLs find the emulator's images). The page is served on
// loopback; the gateway hosts of docs/protocol.md (verify.cmpassport.com, www.cmpassport.com,
// the testcert ports, log-h5.cmpassport.com:9443) are routed to the emulator by Playwright's
// request interception, so the client runs with its production URLs unchanged. Nothing leaves
// the machine. See docs/emulator.md "Test your own client".
import { readFileSync } from "node:fs";
import { createServer } from "node:http";
import { createRequire } from "node:module";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";

import { launchChromium } from "./chromium.mjs";

const require = createRequire(import.meta.url);
const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const { startEmulator } = require(resolve(ROOT, "dist/emulator.cjs"));
const server = require(resolve(ROOT, "dist/server.cjs"));

const usage = () => `usage: npm run try-client -- [--bundle client.js] [--before script.js]...
       [--css sheet.css]... [--only flow,flow] [--timeout ms]
flows: ${FLOWS.map((f) => f.name).join(" ")}`;

/** The gateway hosts a client may call, all answered by the emulator. */
const GATEWAY_HOSTS = [
  "https://verify.cmpassport.com",
  "https://www.cmpassport.com",
  "https://testcert.cmpassport.com:7009",
  "https://testcert.cmpassport.com:7002",
  "https://log-h5.cmpassport.com:9443",
];

/**
 * The emulator hands out absolute URLs (the hosted page, the CT/CU gateway scripts) under this
 * address: the official client hears the hosted page only from China Mobile's own origins.
 */
const PUBLIC_URL = "https://www.cmpassport.com";

/** The sample registry's apps the flows use: authLevel 4 and authLevel 1. */
const LEVEL4_APP = "300011000001";
const LEVEL1_APP = "300011000002";
/** authLevel 5 (no UI: the accessToken is the result) and the cross-carrier switches off. */
const LEVEL5_APP = "300011000005";
const NO_CROSS_CARRIER_APP = "300011000009";

/** The middle digits of every default test SIM (138****1234 is 13800001234, and so on). */
const MIDDLE_DIGITS = "0000";

/**
 * The flows. `authPageType` goes into the client's `data`; `sim` picks the emulator's test SIM
 * (through `expandParams`); `customPopup` calls CustomControlsInit first and asks for the token
 * with authGetTokenByLayer; `pageInit` calls authPageInit (type 3).
 */
const FLOWS = [
  { name: "cm-popup-level4", app: LEVEL4_APP, sim: "cm", authPageType: "1" },
  { name: "cm-popup-level1", app: LEVEL1_APP, sim: "cm", authPageType: "1" },
  {
    name: "cm-custom-popup-level4",
    app: LEVEL4_APP,
    sim: "cm",
    authPageType: "2",
    customPopup: true,
  },
  {
    name: "cm-custom-popup-level1",
    app: LEVEL1_APP,
    sim: "cm",
    authPageType: "2",
    customPopup: true,
  },
  { name: "cm-page-type0", app: LEVEL4_APP, sim: "cm", authPageType: "0" },
  { name: "cm-page-type3", app: LEVEL4_APP, sim: "cm", authPageType: "3", pageInit: true },
  {
    name: "cm-popup-test-hosts",
    app: LEVEL4_APP,
    sim: "cm",
    authPageType: "1",
    isTest: "0",
  },
  { name: "ct-popup", app: LEVEL4_APP, sim: "ct", authPageType: "1" },
  { name: "cu-popup", app: LEVEL4_APP, sim: "cu", authPageType: "1" },
  // Flows that end without a token: what the client reports.
  { name: "cm-level5", app: LEVEL5_APP, sim: "cm", authPageType: "1" },
  { name: "wifi-subscriber", app: LEVEL4_APP, sim: "cm-wifi", authPageType: "1" },
  { name: "ct-switch-off", app: NO_CROSS_CARRIER_APP, sim: "ct", authPageType: "1" },
];

class UsageError extends Error {}

function parseArgs(argv) {
  const args = {
    bundle: resolve(ROOT, "dist/ydrz-jssdk.umd.js"),
    before: [],
    css: [],
    only: undefined,
    timeoutMs: 20000,
  };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    const value = argv[i + 1];
    if (flag === "--help" || flag === "-h") throw new UsageError("");
    if (value === undefined) throw new UsageError(`${flag} needs a value`);
    i++;
    if (flag === "--bundle") args.bundle = resolve(value);
    else if (flag === "--before") args.before.push(resolve(value));
    else if (flag === "--css") args.css.push(resolve(value));
    else if (flag === "--only") args.only = value.split(",");
    else if (flag === "--timeout") args.timeoutMs = Number(value);
    else throw new UsageError(`unknown option ${flag}`);
  }
  if (!(args.timeoutMs > 0)) throw new UsageError("--timeout must be a positive number of ms");
  const unknown = (args.only ?? []).filter((n) => !FLOWS.some((f) => f.name === n));
  if (unknown.length > 0) throw new UsageError(`unknown flow ${unknown.join(", ")}`);
  return args;
}

/** What the page runs around the client: it records every callback the client makes. */
const HARNESS = `
window.tryClient = { events: [] };
(function () {
  function copy(value) {
    try { return JSON.parse(JSON.stringify(value)); } catch (e) { return String(value); }
  }
  function recorder(kind) {
    return function (payload) {
      window.tryClient.events.push({ kind: kind, payload: copy(payload) });
    };
  }
  window.addEventListener("error", function (event) {
    window.tryClient.events.push({ kind: "pageerror", payload: String(event.message) });
  });
  window.tryClient.start = function (data, flow) {
    var sdk = window.YDRZAuthLogin;
    if (!sdk) throw new Error("the client defines no window.YDRZAuthLogin");
    if (flow.customPopup) sdk.CustomControlsInit("customPopup", {});
    if (flow.pageInit) sdk.authPageInit({});
    sdk.getTokenInfo({
      data: data,
      success: recorder("success"),
      error: recorder("error"),
      layerCallback: recorder("layerCallback"),
    });
  };
  window.tryClient.tokenByLayer = function () {
    window.YDRZAuthLogin.authGetTokenByLayer(recorder("success"), recorder("error"));
  };
})();
`;

/**
 * Where the page links `--css` sheet number `i`: on the routed gateway host, next to the official
 * images, so that a sheet's relative `../image/loading.png` reaches the emulator's image.
 */
function stylesheetUrl(i) {
  return `${PUBLIC_URL}/h5/js/jssdk_auth/css/try-client-${i}.css`;
}

function pageHtml(o) {
  const links = o.css.map((_, i) => `<link rel="stylesheet" href="${stylesheetUrl(i)}">`);
  const scripts = o.before.map((_, i) => `<script src="/client/before-${i}.js"></script>`);
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="unsafe-url">
<title>try-client</title>
${links.join("\n")}
${scripts.join("\n")}
<script src="/client/bundle.js"></script>
<script src="/harness.js"></script>
</head><body>
<div id="customPopup"></div>
<div id="ydrzCustomControls"></div>
</body></html>`;
}

/** A loopback server for the integrator's page and the scripts it loads. */
async function startPageServer(args) {
  const files = new Map([
    ["/", { type: "text/html; charset=utf-8", body: pageHtml(args) }],
    ["/harness.js", { type: "application/javascript", body: HARNESS }],
    ["/client/bundle.js", { type: "application/javascript", body: readFileSync(args.bundle) }],
  ]);
  args.before.forEach((file, i) => {
    files.set(`/client/before-${i}.js`, {
      type: "application/javascript",
      body: readFileSync(file),
    });
  });
  const pageServer = createServer((req, res) => {
    const file = files.get(new URL(req.url, "http://page.invalid").pathname);
    if (!file) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { "Content-Type": file.type, "Cache-Control": "no-store" });
    res.end(file.body);
  });
  await new Promise((done) => pageServer.listen(0, "127.0.0.1", done));
  const url = `http://127.0.0.1:${pageServer.address().port}/`;
  return { url, close: () => new Promise((done) => pageServer.close(done)) };
}

/** What the integrator's server does: a fresh traceId and timestamp, signed with the appKey. */
function signedData(emu, flow) {
  const app = emu.state.registry.get(flow.app);
  const traceId = server.newTraceId();
  const timestamp = server.newTimestamp();
  const version = "2.0";
  const sign = server.signGetTokenInfo(
    { appId: app.appId, traceId, timestamp, version },
    app.appKey,
  );
  return {
    version,
    timestamp,
    appId: app.appId,
    businessType: "8",
    traceId,
    sign,
    authPageType: flow.authPageType,
    expandParams: `sim=${flow.sim}`,
    ...(flow.isTest ? { isTest: flow.isTest } : {}),
  };
}

/**
 * Sends each gateway request to the emulator (the `--css` sheets are answered here) and keeps a
 * list of what the client asked and the status it got.
 */
async function routeGateways({ context, emu, seen, stylesheets }) {
  for (const host of GATEWAY_HOSTS) {
    await context.route(`${host}/**`, async (route) => {
      const request = route.request();
      const url = new URL(request.url());
      const asked = `${request.method()} ${url.host}${url.pathname}`;
      const sheet = stylesheets.findIndex((_, i) => url.href === stylesheetUrl(i));
      if (sheet >= 0) {
        seen.requests.push(`${asked} → 200 (--css)`);
        await route.fulfill({ contentType: "text/css", body: readFileSync(stylesheets[sheet]) });
        return;
      }
      if (url.pathname.endsWith("/authGetToken")) {
        seen.userInformation = readUserInformation(request.postData());
      }
      const response = await route.fetch({
        url: emu.url + url.pathname + url.search,
        headers: await request.allHeaders(),
      });
      seen.requests.push(`${asked} → ${response.status()}`);
      await route.fulfill({ response });
    });
  }
}

function readUserInformation(body) {
  try {
    return JSON.parse(body ?? "").userInformation;
  } catch {
    return undefined;
  }
}

/** The agreement checkbox: the popups' (official ids, kept by our views) or the hosted page's. */
const AGREEMENT = '[id^="YDRZ_Checkbox_l"], #agree';

/** The first visible element of `selector` in `frame`, or undefined. */
async function visible(frame, selector) {
  const all = frame.locator(selector);
  const count = await all.count();
  for (let i = 0; i < count; i++) {
    if (await all.nth(i).isVisible()) return all.nth(i);
  }
  return undefined;
}

/** A button the user can press: enabled, not styled as disabled. */
async function usable(button) {
  const disabledClass = await button.evaluate((el) => el.classList.contains("ydrz-disabled"));
  return !disabledClass && (await button.isEnabled());
}

/** The frame that shows the authorization UI: a hosted page's iframe, else the page. */
async function uiFrame(page) {
  const iframe = await visible(page, "iframe#auth");
  if (!iframe) return page.mainFrame();
  return (await iframe.elementHandle().then((h) => h.contentFrame())) ?? page.mainFrame();
}

/**
 * One pass of a user: agree, complete the number, confirm. Works on the popup (the official
 * element ids, which our views keep too) and on the emulator's hosted page. Returns what it did.
 */
async function actOnce(page, flow, done) {
  const frame = await uiFrame(page);
  const checkbox = await visible(frame, AGREEMENT);
  if (checkbox && !done.has("agree")) {
    // Forced: a styled checkbox may sit under its own label, which takes the tap for it.
    if (!(await checkbox.isChecked())) await checkbox.tap({ force: true });
    // Something on top (a toast, say) may have taken the tap: then it is tried again.
    if (!(await checkbox.isChecked())) return "agree (missed)";
    done.add("agree");
    return "agree";
  }
  // The agreement first, as a user would: a popup may answer digits typed before it with a
  // toast that covers the page for a while.
  const agreementFirst = done.has("agree") || (await frame.locator(AGREEMENT).count()) === 0;
  if (!agreementFirst) return undefined;
  const hostedDigits = await visible(frame, "#digits");
  if (hostedDigits && !done.has("digits")) {
    await hostedDigits.fill(MIDDLE_DIGITS);
    done.add("digits");
    return "digits";
  }
  const key = await visible(frame, '[qs-data-value="0"]');
  if (key && !done.has("digits")) {
    for (const digit of MIDDLE_DIGITS) {
      await (await visible(frame, `[qs-data-value="${digit}"]`)).tap();
    }
    done.add("digits");
    return "digits";
  }
  // The digit cells of a popup that opens its keypad only when the number is tapped.
  const cell = await visible(frame, ".ydrz-digit, .ydrz-input-val");
  // Tried again if the keypad closed (a tap elsewhere, e.g. on the agreement, may close it).
  if (cell && !done.has("digits") && done.keypadTries < 3) {
    await cell.tap({ force: true });
    done.keypadTries++;
    return "open-keypad";
  }
  const submit = await visible(frame, '[id^="YDRZ_Submitbtn"], #submit');
  const ready = done.has("agree") && (cell === undefined || done.has("digits"));
  if (submit && ready && !done.has("submit") && (await usable(submit))) {
    await submit.tap();
    done.add("submit");
    return "submit";
  }
  // A custom popup hands the token over only when the page asks for it.
  if (flow.customPopup && ready && !done.has("byLayer") && (!submit || done.has("submit"))) {
    await page.evaluate(() => window.tryClient.tokenByLayer());
    done.add("byLayer");
    return "byLayer";
  }
  return undefined;
}

const events = (page) => page.evaluate(() => window.tryClient.events);

/**
 * The flow's last word: a token, an authLevel-5 accessToken, or an error. A type-2 popup's first
 * success ("弹窗加载成功") carries neither and is not the end.
 */
function finalEvent(list) {
  return list.find(
    (e) =>
      e.kind === "error" || (e.kind === "success" && (e.payload?.token || e.payload?.accessToken)),
  );
}

/** One flow in a fresh browser context, with the routes and the user of this script. */
async function runFlow({ browser, emu, pageUrl, flow, timeoutMs, stylesheets }) {
  const context = await browser.newContext({
    viewport: { width: 390, height: 844 },
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
    locale: "zh-CN",
  });
  const seen = { requests: [], userInformation: undefined, pageErrors: [], steps: [] };
  try {
    await routeGateways({ context, emu, seen, stylesheets });
    const page = await context.newPage();
    // Short, so that one missed tap does not use up the flow's time.
    page.setDefaultTimeout(3000);
    page.on("pageerror", (e) => seen.pageErrors.push(String(e)));
    await page.goto(pageUrl, { timeout: 30000 });
    const data = signedData(emu, flow);
    await page.evaluate(({ d, f }) => window.tryClient.start(d, f), { d: data, f: flow });
    const deadline = Date.now() + timeoutMs;
    const done = new Set();
    done.keypadTries = 0;
    let final;
    let quietSince = Date.now();
    let lastCount = 0;
    while (Date.now() < deadline) {
      final = finalEvent(await events(page));
      if (final) break;
      const step = await actOnce(page, flow, done).catch(
        (e) => `failed: ${String(e.message).split("\n").slice(0, 14).join(" / ")}`,
      );
      if (step) seen.steps.push(step);
      if (seen.requests.length !== lastCount || step) {
        lastCount = seen.requests.length;
        quietSince = Date.now();
      }
      // A client that threw and has gone quiet will not answer any more.
      if (seen.pageErrors.length > 0 && Date.now() - quietSince > 3000) break;
      await page.waitForTimeout(150);
    }
    return { flow, data, final, events: await events(page), seen };
  } finally {
    await context.close();
  }
}

/** The integrator server's last step: tokenValidate, and the number it reveals. */
async function validate(emu, keys, result) {
  const token = result.final?.payload?.token;
  if (!token) return "no token";
  const userInformation = result.final.payload.userInformation ?? result.seen.userInformation;
  const app = emu.state.registry.get(result.flow.app);
  const answer = await server.tokenValidate({
    apiHost: emu.url,
    appId: app.appId,
    token,
    userInformation,
    privateKeyPem: keys.privateKeyPem,
  });
  if (answer.resultCode !== "103000") return `refused: ${answer.resultCode} ${answer.desc}`;
  const phone = server.decryptMsisdn(answer.data.msisdn, app.appKey);
  return `accepted: ${phone.slice(0, 3)}****${phone.slice(7)}`;
}

function report(result, verdict, emu) {
  const { flow, final, seen } = result;
  const lines = [`== ${flow.name} (authPageType ${flow.authPageType}, sim ${flow.sim})`];
  lines.push("  requests:");
  for (const r of seen.requests) lines.push(`    ${r}`);
  const records = emu.state.records.list({ traceId: result.data.traceId });
  lines.push(
    "  emulator: " + records.map((r) => `${r.endpoint}=${r.resultCode}`).join(" ") || "(none)",
  );
  if (seen.steps.length > 0) lines.push(`  user steps: ${seen.steps.join(", ")}`);
  for (const e of result.events) {
    if (e !== final) lines.push(`  callback ${e.kind}: ${JSON.stringify(e.payload)}`);
  }
  lines.push(`  final: ${final ? `${final.kind} ${JSON.stringify(final.payload)}` : "none"}`);
  for (const e of seen.pageErrors) lines.push(`  page error: ${e}`);
  const accessToken = final?.payload?.accessToken ? " (an authLevel-5 accessToken came back)" : "";
  lines.push(
    `  token: ${final?.payload?.token ? "yes" : "no"}${accessToken}; tokenValidate: ${verdict}`,
  );
  return lines.join("\n");
}

/**
 * A console-configured extra button in the standard popup (getPageOption's customControlsConf),
 * written the natural way in a registry, as an array: the emulator must still answer it as the
 * JSON string the production gateway sends.
 */
function addCustomButton(registry, appId) {
  const app = registry.get(appId);
  const button = {
    name: "短信验证码登录",
    width: "60%",
    height: "36px",
    left: "20%",
    color: "#1B82EB",
    url: "https://example.invalid/sms",
  };

  registry.patch(appId, { pageOption: { ...app.pageOption, customControlsConf: [button] } });
}

async function main() {
  let args;
  try {
    args = parseArgs(process.argv.slice(2));
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    console.error(e.message ? `try-client: ${e.message}\n${usage()}` : usage());
    process.exit(e.message ? 2 : 0);
  }
  const pages = await startPageServer(args);
  const emu = await startEmulator({ port: 0, publicUrl: PUBLIC_URL });
  const keys = server.generateRsaKeyPair();
  addCustomButton(emu.state.registry, LEVEL4_APP);
  for (const appId of new Set(FLOWS.map((f) => f.app))) {
    emu.state.registry.patch(appId, { rsaPublicKey: keys.publicKeyPem });
    emu.state.registry.addPage(appId, pages.url);
  }
  const browser = await launchChromium();
  const flows = FLOWS.filter((f) => !args.only || args.only.includes(f.name));
  console.log(`client: ${args.bundle}`);
  let tokens = 0;
  try {
    for (const flow of flows) {
      const result = await runFlow({
        browser,
        emu,
        pageUrl: pages.url,
        flow,
        timeoutMs: args.timeoutMs,
        stylesheets: args.css,
      });
      const verdict = await validate(emu, keys, result);
      if (verdict.startsWith("accepted")) tokens++;
      console.log(report(result, verdict, emu));
    }
  } finally {
    await browser.close();
    await emu.close();
    await pages.close();
  }
  console.log(`${tokens} of ${flows.length} flows ended with a token that tokenValidate accepts`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
