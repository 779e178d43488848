/**
 * The hostile option corpus in Chromium, against the built UMD: every text, URL, style and flag
 * field of the custom popup and the custom page × injection strings, wrong types, throwing
 * getters, Proxies and huge values. Each case runs a whole call (fake CM gateway on the test
 * server) and asserts: exactly one final callback, no page error, no injected node or attribute,
 * no request outside the gateway, page styles and prototypes untouched. The cases run in
 * batches inside one page, so the corpus takes seconds.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { Browser } from "playwright-core";
import {
  launchBrowser,
  newMobilePage,
  REPO_ROOT,
  startStaticServer,
  type StaticServer,
} from "../support";

/** The option fields, as paths, per view (authPageType "2": popup, "3": page). */
const TEXT_STYLE = ["fontSize", "fontColor", "fontFamily", "fontWeight", "textAlign"];
const PLACED = ["high", "left"];
const CONTROL = [
  ...PLACED,
  ...TEXT_STYLE,
  "ifShow",
  "width",
  "height",
  "bgColor",
  "border",
  "borderRadius",
  "url",
  "name",
  "textDecoration",
].map((f) => "customControlStyle." + f);
const SUBMIT = [...PLACED, ...TEXT_STYLE, "name", "bgColor", "width", "height", "borderRadius"].map(
  (f) => "submitBtnStyle." + f,
);

const POPUP_FIELDS = [
  "layerStyle.width",
  "layerStyle.height",
  "layerStyle.bgColor",
  "layerStyle.borderRadius",
  "maskStyle.ifShowMask",
  "maskStyle.bgColor",
  "maskStyle.opacity",
  "phoneStyle.high",
  "phoneStyle.fontSize",
  "phoneStyle.fontColor",
  "agreeStyle.fontSize",
  "agreeStyle.textAlign",
  "agreeStyle.fontColor",
  "agreeStyle.hrefColor",
  "agreeStyle.agreeArr",
  "closeBtnStyle.ifShowBtn",
  "closeBtnStyle.btnImage",
  "closeBtnStyle.top",
  "closeBtnStyle.width",
  ...CONTROL,
  ...SUBMIT,
];

const PAGE_FIELDS = [
  "bgColor",
  ...[...PLACED, ...TEXT_STYLE, "name", "width"].map((f) => "titleStyle." + f),
  ...["url", "width", "height", "high"].map((f) => "logoStyle." + f),
  ...["fontColor", "appNameColor", "width"].map((f) => "authTextStyle." + f),
  ...["fontSize", "bgColor", "inputStyle.width", "inputStyle.height"].map(
    (f) => "phoneNumStyle." + f,
  ),
  "tipStyle.text",
  "tipStyle.fontColor",
  ...["url", "uncheckUrl", "checkedUrl", "checkedColor", "width"].map(
    (f) => "agreeStyle.checkedButton." + f,
  ),
  "agreeStyle.hrefStyle.fontSize",
  "agreeStyle.hrefStyle.agreeArr",
  "returnBtnStyle.url",
  "returnBtnStyle.width",
];

/**
 * What goes into a field. `value` entries are plain JSON; the others are built in the page:
 * a getter that throws, a Proxy that throws on every trap, a huge string, a whole options Proxy.
 */
type Payload =
  { kind: "value"; value: unknown } | { kind: "getter" } | { kind: "proxy" } | { kind: "huge" };

/** Every field gets these. */
const CORE: Payload[] = [
  { kind: "value", value: "<img src=x onerror=window.__pwned=1>" },
  { kind: "value", value: "javascript:window.__pwned=1" },
  { kind: "value", value: "red;background:url(http://evil.invalid/x.png)" },
  { kind: "getter" },
  { kind: "proxy" },
];

/** And one of these, in turn. */
const MORE: Payload[] = [
  { kind: "value", value: "</style><script>window.__pwned=1</script>" },
  { kind: "value", value: [{ name: "<b onclick=window.__pwned=1>x</b>", url: "javascript:1" }] },
  { kind: "value", value: { toString: null } },
  { kind: "value", value: -1e308 },
  { kind: "value", value: true },
  { kind: "huge" },
];

interface Case {
  view: "popup" | "page";
  path: string;
  payload: Payload;
}

const casesFor = (view: Case["view"], fields: string[]): Case[] =>
  fields.flatMap((path, i) =>
    [...CORE, MORE[i % MORE.length]].map((payload) => ({ view, path, payload })),
  );

const CASES: Case[] = [
  ...casesFor("popup", POPUP_FIELDS),
  ...casesFor("page", PAGE_FIELDS),
  // The whole options object hostile.
  { view: "popup", path: "", payload: { kind: "proxy" } },
  { view: "page", path: "", payload: { kind: "proxy" } },
];

const HOST_PAGE = `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>host</title>
<style>body{margin:0;font:16px sans-serif}</style></head>
<body><button id="login">一键登录</button><div id="ydrzCustomControls"></div>
<script src="/ydrz-jssdk.umd.js"></script></body></html>`;

const CM_ANSWER = JSON.stringify({
  body: {
    resultCode: "103000",
    resultDesc: "成功",
    accessToken: "AT-CORPUS",
    maskPhone: "138****1234",
    authLevel: "4",
    appName: "示例应用",
  },
});

let browser: Browser;
let server: StaticServer;

beforeAll(async () => {
  server = await startStaticServer();
  server.route("/", HOST_PAGE, "text/html; charset=utf-8");
  const umd = readFileSync(join(REPO_ROOT, "dist/ydrz-jssdk.umd.js"), "utf8");
  server.route("/ydrz-jssdk.umd.js", umd, "text/javascript; charset=utf-8");
  server.route("/h5/httpsPreGetmobile", CM_ANSWER, "application/json");
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** What one case found in the page. */
interface Finding {
  index: number;
  finals: number;
  mounted: boolean;
  injected: string[];
  leftovers: number;
  stylesChanged: boolean;
  prototypesChanged: boolean;
  pwned: boolean;
}

/** Runs `cases` one after another inside the page (the function is serialised into it). */
function runInPage(args: { cases: Case[]; offset: number; origin: string }): Promise<Finding[]> {
  const { cases, offset, origin } = args;
  const w = window as unknown as Record<string, any>;
  const sdk = w.YDRZAuthLogin;
  sdk.config({ cmHost: origin, apiHost: origin });
  const fail = () => {
    throw new Error("hostile");
  };
  const hostileProxy = () =>
    new Proxy({}, { get: fail, ownKeys: fail, has: fail, getOwnPropertyDescriptor: fail });
  const build = (c: Case): unknown => {
    if (!c.path) return hostileProxy();
    const root: Record<string, any> = {};
    const keys = c.path.split(".");
    let at = root;
    for (const k of keys.slice(0, -1)) at = at[k] = {};
    const last = keys[keys.length - 1];
    const p = c.payload;
    if (p.kind === "value") at[last] = p.value;
    else if (p.kind === "huge") at[last] = "9".repeat(1_000_000);
    else if (p.kind === "proxy") at[last] = hostileProxy();
    else Object.defineProperty(at, last, { enumerable: true, get: fail });
    return root;
  };
  const protoKeys = () =>
    Object.getOwnPropertyNames(Object.prototype).join() +
    "|" +
    Object.getOwnPropertyNames(Array.prototype).join();
  const pageStyles = () =>
    [document.documentElement, document.body].map((e) => e.getAttribute("style") || "").join("|") +
    "|" +
    document.querySelectorAll("link, script:not([src])").length;
  const injectedIn = (root: ParentNode): string[] => {
    const found: string[] = [];
    for (const el of Array.from(root.querySelectorAll("*"))) {
      const ours = el.tagName === "SCRIPT" && el.getAttribute("src") === "/ydrz-jssdk.umd.js";
      if ((el.tagName === "SCRIPT" && !ours) || el.tagName === "B")
        found.push("<" + el.tagName + ">");
      for (const attr of Array.from(el.attributes)) {
        const v = attr.value.toLowerCase();
        if (attr.name.startsWith("on")) found.push(attr.name);
        if (v.includes("javascript:") || v.includes("evil.invalid"))
          found.push(attr.name + "=" + v);
      }
      if (el.tagName === "IMG" && (el as HTMLImageElement).getAttribute("src") === "x")
        found.push("img src=x");
    }
    return found;
  };
  const data = {
    version: "2.0",
    appId: "300011",
    sign: "0123456789abcdef0123456789abcdef",
    traceId: "corpus",
    timestamp: "20260101120000000",
    expandParams: "",
    isTest: "1",
  };
  const untilSettled = (done: () => boolean): Promise<void> =>
    new Promise((resolve) => {
      const started = performance.now();
      const tick = () => {
        if (done() || performance.now() - started > 3000) resolve();
        else setTimeout(tick, 4);
      };
      tick();
    });
  const run = async (c: Case, index: number): Promise<Finding> => {
    const styles = pageStyles();
    const protos = protoKeys();
    w.__pwned = false;
    let finals = 0;
    const options = build(c);
    if (c.view === "popup") sdk.CustomControlsInit("ydrzCustomControls", options);
    else sdk.authPageInit(options);
    const authPageType = c.view === "popup" ? "2" : "3";
    sdk.getTokenInfo({
      data: { ...data, authPageType },
      success(r: { message?: string }) {
        // The custom popup's "loaded" notice is not final.
        if (!/加载|load/i.test(String(r && r.message))) finals += 1;
      },
      error() {
        finals += 1;
      },
    });
    const root = () => document.querySelector(".ydrz-root, #YDRZ_Modal, #YDRZLayerTwo");
    await untilSettled(() => Boolean(root()) || finals > 0);
    const mounted = Boolean(root());
    const injected = injectedIn(document.body);
    sdk.endGetToken();
    await untilSettled(() => finals > 0);
    // A later callback would be a second one.
    await new Promise((r) => setTimeout(r, 0));
    return {
      index: offset + index,
      finals,
      mounted,
      injected,
      leftovers: document.querySelectorAll(".ydrz-root").length,
      stylesChanged: pageStyles() !== styles,
      prototypesChanged: protoKeys() !== protos || ({} as any).polluted !== undefined,
      pwned: Boolean(w.__pwned),
    };
  };
  return (async () => {
    const out: Finding[] = [];
    for (let i = 0; i < cases.length; i++) out.push(await run(cases[i], i));
    return out;
  })();
}

describe("hostile option corpus (built UMD, Chromium)", () => {
  test(`${CASES.length} option objects: one final callback, no injection, nothing leaks`, async () => {
    expect(CASES.length).toBeGreaterThanOrEqual(300);
    const { context, page } = await newMobilePage(browser);
    // Page errors are exceptions that escaped into the page. The SDK hands the integrator's own
    // exceptions (a throwing getter) to `reportError` on purpose, which would fire the page's
    // error event too: collected apart. Console errors include the 404s of image options that
    // name no real file (same origin, asserted below).
    const pageErrors: string[] = [];
    page.on("pageerror", (e) => pageErrors.push(String(e)));
    await page.addInitScript(() => {
      const w = window as any;
      w.__reported = [];
      w.reportError = (error: unknown) => w.__reported.push(String(error));
    });
    const outside: string[] = [];
    page.on("request", (r) => {
      const url = r.url();
      if (!url.startsWith(server.url) && !url.startsWith("data:")) outside.push(url);
    });
    try {
      await page.goto(server.url + "/");
      await page.waitForFunction(() => "YDRZAuthLogin" in window);
      const findings: Finding[] = [];
      const BATCH = 60;
      for (let i = 0; i < CASES.length; i += BATCH) {
        const cases = CASES.slice(i, i + BATCH);
        findings.push(
          ...(await page.evaluate(runInPage, { cases, offset: i, origin: server.url })),
        );
      }
      const bad = findings.filter(
        (f) =>
          f.finals !== 1 ||
          f.injected.length > 0 ||
          f.leftovers > 0 ||
          f.stylesChanged ||
          f.prototypesChanged ||
          f.pwned,
      );
      expect(bad.map((f) => ({ ...f, case: CASES[f.index] }))).toEqual([]);
      // Every case drew its view (defaults where an option was unusable).
      expect(findings.filter((f) => !f.mounted).map((f) => CASES[f.index])).toEqual([]);
      expect(pageErrors).toEqual([]);
      // What was reported is the options' own exceptions, nothing of the SDK's.
      const reported: string[] = await page.evaluate(() => (window as any).__reported);
      expect(reported.filter((r) => r !== "Error: hostile")).toEqual([]);
      expect(outside).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
