/**
 * A page whose CSP allows styles by nonce only (`style-src 'nonce-abc'`, no 'unsafe-inline'):
 * with the `<script>` tag's `data-nonce="abc"` the SDK's injected `<style>` applies and the view
 * is styled; without it Chromium blocks the style (the control that the policy is in force).
 * The page loads the built UMD (dist/, `npm run build` first); a one-route stand-in gateway on
 * the same loopback server hands out a number, so that the standard page is drawn.
 */
import { readFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { resolve } from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PATHS } from "../../../src/protocol/hosts";
import { launchBrowser, newMobilePage, REPO_ROOT } from "../support";

const umd = readFileSync(resolve(REPO_ROOT, "dist/ydrz-jssdk.umd.js"), "utf8");

const CSP = "style-src 'nonce-abc'";

/** The number fetch's answer: a number to confirm with four hidden digits. */
const NUMBER = {
  header: { appId: "300011", msgId: "trace-1", timestamp: "20260101120000000" },
  body: {
    resultCode: "103000",
    resultDesc: "成功",
    accessToken: "AT-CM",
    maskPhone: "138****1234",
    authLevel: "4",
    appName: "示例应用",
  },
};

function pageHtml(base: string, nonceAttribute: string): string {
  return `<!doctype html><html><head><meta charset="utf-8"><title>csp</title></head><body>
<script src="/sdk.js" data-cm-host="${base}" ${nonceAttribute}></script>
<script>
YDRZAuthLogin.getTokenInfo({
  data: { version: "2.0", appId: "300011", sign: "s", traceId: "trace-1",
    timestamp: "20260101120000000", authPageType: "0", expandParams: "" },
  error: function (e) { window.failed = e; },
});
</script></body></html>`;
}

let browser: Browser;
let server: Server;
let base: string;

beforeAll(async () => {
  server = createServer((req, res) => {
    const path = (req.url || "/").split("?")[0];
    if (path === "/sdk.js") {
      res.writeHead(200, { "Content-Type": "text/javascript; charset=utf-8" });
      res.end(umd);
    } else if (path === PATHS.preGetMobile) {
      req.resume();
      res.writeHead(200, { "Content-Type": "application/json; charset=utf-8" });
      res.end(JSON.stringify(NUMBER));
    } else if (path === "/with-nonce" || path === "/without-nonce") {
      const attribute = path === "/with-nonce" ? 'data-nonce="abc"' : "";
      res.writeHead(200, {
        "Content-Type": "text/html; charset=utf-8",
        "Content-Security-Policy": CSP,
      });
      res.end(pageHtml(base, attribute));
    } else {
      res.writeHead(404);
      res.end();
    }
  });
  await new Promise<void>((ok) => server.listen(0, "127.0.0.1", ok));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await new Promise<void>((ok) => server.close(() => ok()));
});

/** The standard page's position and the injected element's nonce, once the page is drawn. */
async function drawn(path: string) {
  const { context, page } = await newMobilePage(browser);
  try {
    await page.goto(base + path);
    await page.waitForSelector("#YDRZPage");
    return await page.evaluate(() => {
      const style = document.querySelector("style[data-ydrz-jssdk]") as HTMLStyleElement;
      const view = getComputedStyle(document.getElementById("YDRZPage")!);
      return { position: view.position, zIndex: view.zIndex, nonce: style.nonce };
    });
  } finally {
    await context.close();
  }
}

describe("CSP style-src 'nonce-abc'", () => {
  it("data-nonce: the injected style applies and the view is styled", async () => {
    expect(await drawn("/with-nonce")).toEqual({
      position: "fixed",
      zIndex: "2147483000",
      nonce: "abc",
    });
  });

  it("without the nonce the policy blocks the injected style", async () => {
    expect(await drawn("/without-nonce")).toMatchObject({ position: "static", nonce: "" });
  });
});
