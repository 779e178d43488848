// The emulator's hosted page completes a login in Chromium. A tiny parent page does what the
// official SDK does for authPageType "0" (docs/protocol.md "Hosted page"): a full-screen
// <iframe id="auth"> opened at authPageUrl with the SDK's query, the customerPrivacyConfig
// string posted to it on load, and a message listener that takes the page's result only from the
// gateway's origins. For the official SDK's fixed origins, the test routes
// https://www.cmpassport.com to the emulator by request interception.
import type { Browser, BrowserContext, BrowserContextOptions, Frame, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startEmulator, type RunningEmulator } from "../../../src/emulator/index";
import { fetchNumber, USER_INFO } from "../../node/emulator/support";
import {
  launchBrowser,
  newMobilePage,
  SMALL_PHONE,
  startStaticServer,
  type StaticServer,
} from "../support";

const OFFICIAL_ORIGIN = "https://www.cmpassport.com";
const GATEWAY_ORIGINS = [
  OFFICIAL_ORIGIN,
  "https://testcert.cmpassport.com:7002",
  "http://120.197.235.102",
];

let browser: Browser;
let emu: RunningEmulator;
/** Serves the parent pages (the integrator's). */
let pages: StaticServer;

beforeAll(async () => {
  browser = await launchBrowser();
  emu = await startEmulator({ port: 0 });
  pages = await startStaticServer();
});
afterAll(async () => {
  await browser?.close();
  await emu?.close();
  await pages?.close();
});

/** The parent page: iframe + load-time message + result listener, as the official SDK does. */
function parentHtml(o: { src: string; pageUrl: string; privacy: string; origins: string[] }) {
  const config = JSON.stringify(o);
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"></head><body>
<script>
var config = ${config};
window.results = [];
window.addEventListener("message", function (event) {
  if (config.origins.indexOf(event.origin) < 0) return;
  var data = event.data;
  if (!data || !(data.msgId || data.code)) return;
  var frame = document.getElementById("auth");
  if (frame) frame.parentNode.removeChild(frame);
  window.results.push(data);
});
var iframe = document.createElement("iframe");
iframe.id = "auth";
iframe.style.cssText = "width:100%;height:100%;border:0;position:fixed;top:0;left:0;" +
  "right:0;bottom:0;z-index:2147483647;background:#fff";
iframe.addEventListener("load", function () {
  iframe.contentWindow.postMessage(config.privacy, config.pageUrl);
});
document.body.appendChild(iframe);
iframe.src = config.src;
</script></body></html>`;
}

interface Opened {
  context: BrowserContext;
  page: Page;
  frame: Frame;
  traceId: string;
  errors: string[];
}

/** Where the hosted page is served, for which app, on which screen. */
interface OpenOptions {
  /** The emulator's own address (our SDK), or the official origin routed to the emulator. */
  pageOrigin: string;
  /** The app and its key; default the demo app (authLevel 4). */
  app?: { appId: string; appKey: string };
  /** Browser context options, e.g. SMALL_PHONE. */
  viewport?: BrowserContextOptions;
}

const DEMO_APP = { appId: "300011000001", appKey: "a7d94bd19aa72cfc8f7067a59a53369e" };
const CONFIRM_APP = { appId: "300011000002", appKey: "a26ee4d6e6386a199d2e4e51bcc7503f" };

/** Fetches a number in Node (the SDK's network part), then opens the parent page. */
async function openHostedPage(options: OpenOptions): Promise<Opened> {
  const { pageOrigin, app = DEMO_APP, viewport = {} } = options;
  const { traceId, body } = await fetchNumber(emu, "cm", app.appId, app.appKey);
  // On loopback: Chromium keeps pages it takes for public from framing a loopback address.
  const parent = pages.url;
  const parentPath = `/parent-${traceId}.html`;
  expect(body.resultCode).toBe("103000");
  const authPageUrl = pageOrigin + new URL(body.authPageUrl).pathname;
  const query = [
    `traceId=${traceId}`,
    `accessToken=${body.accessToken}`,
    `maskPhone=${body.maskPhone}`,
    `authLevel=${body.authLevel}`,
    `authName=${body.appName}`,
    `userInformation=${USER_INFO}`,
    `appId=${app.appId}`,
    "expandParams=undefined",
    "isTest=undefined",
    "oper=CM",
    `from=${parent}`,
    "authPageType=0",
    "v=20211103",
  ].join("&");
  const { context, page, errors } = await newMobilePage(browser, viewport);
  await context.route(`${OFFICIAL_ORIGIN}/**`, async (route) => {
    const url = new URL(route.request().url());
    const response = await route.fetch({ url: emu.url + url.pathname + url.search });
    await route.fulfill({ response });
  });
  const html = parentHtml({
    src: `${authPageUrl}?${query}`,
    pageUrl: authPageUrl,
    privacy: body.customerPrivacyConfig,
    origins: [...GATEWAY_ORIGINS, new URL(emu.url).origin],
  });
  pages.route(parentPath, html, "text/html; charset=utf-8");
  await page.goto(parent + parentPath);
  const handle = await page.waitForSelector("#auth");
  const frame = (await handle.contentFrame())!;
  await frame.waitForSelector("#submit");
  return { context, page, frame, traceId, errors };
}

async function results(page: Page): Promise<Record<string, string>[]> {
  return page.evaluate(() => (window as unknown as { results: Record<string, string>[] }).results);
}

describe("the hosted page in Chromium", () => {
  it("completes a login from the official origin: digits, agreement, token, postMessage", async () => {
    const { context, page, frame, traceId, errors } = await openHostedPage({
      pageOrigin: OFFICIAL_ORIGIN,
    });
    try {
      await expect.poll(() => frame.textContent("#number")).toBe("138****1234");
      expect(await frame.textContent("#app")).toContain("演示应用");
      // The app's agreement arrived by the parent's load-time message, after the carrier's.
      await expect
        .poll(() => frame.locator("#links a").allTextContents())
        .toEqual(["《中国移动认证服务协议》", "《演示应用用户协议》"]);
      const digits = frame.getByLabel("请补全号码中间 4 位");
      await digits.fill("1111");
      await frame.getByLabel("我已阅读并同意").check();
      await frame.click("#submit");
      // Wrong digits: the page stays, clears the entry and says so; nothing reaches the parent.
      await expect.poll(() => frame.textContent("#tip")).toBe("号码有误，请重新填写");
      expect(await digits.inputValue()).toBe("");
      expect(await results(page)).toEqual([]);

      await digits.fill("0000");
      await frame.click("#submit");
      await expect.poll(() => page.locator("#auth").count()).toBe(0);
      const [result] = await results(page);
      expect(result).toMatchObject({ code: "103000", msgId: traceId, userInformation: USER_INFO });
      const stored = emu.state.tokens.getToken(result.token);
      expect(stored?.traceId).toBe(traceId);
      expect(stored?.userInformation).toBe(USER_INFO);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it("at authLevel 1 on a 320 px screen, from the emulator's own address: confirm only", async () => {
    const { context, page, frame, traceId, errors } = await openHostedPage({
      pageOrigin: new URL(emu.url).origin,
      app: CONFIRM_APP,
      viewport: SMALL_PHONE,
    });
    try {
      expect(await frame.isHidden("#digits-row")).toBe(true);
      const fits = await frame.evaluate(
        () => document.documentElement.scrollWidth <= window.innerWidth,
      );
      expect(fits).toBe(true);
      await frame.click("#submit");
      await expect.poll(() => frame.textContent("#tip")).toBe("请先阅读并勾选协议");
      await frame.getByLabel("我已阅读并同意").check();
      await frame.getByRole("button", { name: "本机号码一键登录" }).click();
      await expect.poll(() => results(page)).toHaveLength(1);
      const [result] = await results(page);
      expect(result).toMatchObject({ code: "103000", msgId: traceId });
      expect(emu.state.tokens.getToken(result.token)?.appId).toBe(CONFIRM_APP.appId);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it("back posts 501 用户取消授权, once", async () => {
    const { context, page, frame, traceId } = await openHostedPage({ pageOrigin: OFFICIAL_ORIGIN });
    try {
      await frame.getByRole("button", { name: "‹ 返回" }).click();
      await expect
        .poll(() => results(page))
        .toEqual([{ code: "501", message: "用户取消授权", msgId: traceId }]);
      expect(await page.locator("#auth").count()).toBe(0);
    } finally {
      await context.close();
    }
  });
});
