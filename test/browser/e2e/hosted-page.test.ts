/**
 * Hosted-page mode in Chromium: an integrator page on its own origin imports the ESM build, turns
 * on `config({hostedPage: true})` and calls getTokenInfo; the emulator's hosted page
 * (`authPageUrl`, on the gateway's origin) opens full screen in an iframe, takes the digits,
 * requests the token and posts the result back; the page's server turns the token into the
 * number. Also: the user backing out (501) and endGetToken, each ending the call once with the
 * iframe gone.
 */
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { beforeEach, describe, expect, it } from "vitest";
import {
  browser,
  E2E_SIMS,
  hiddenDigits,
  masked,
  newSession,
  pressLogin,
  stack,
  useE2e,
  type Session,
} from "./harness";

const PAGE = "/hosted.html";

/** The integrator's page: the ESM build imported without a bundler, hosted mode on. */
const html = (gateway: string) => `<!doctype html>
<html lang="zh-CN">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <!-- The gateway checks the full page address (registered), which a cross-origin request only
       carries under this policy. -->
  <meta name="referrer" content="always">
  <title>hosted-page fixture</title>
</head>
<body>
  <button id="login" type="button">一键登录</button>
  <p id="phone"></p>
  <script type="module">
    import { YDRZAuthLogin } from "/dist/index.mjs";
    YDRZAuthLogin.config({ cmHost: "${gateway}", apiHost: "${gateway}", hostedPage: true });
    const post = (path, body) =>
      fetch(path, {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify(body),
      }).then((r) => r.json());
    const report = (kind, payload) => window.__e2eReport("getTokenInfo", kind, payload);
    const query = new URLSearchParams(location.search);
    document.getElementById("login").addEventListener("click", async () => {
      const s = await post("/api/sign", {});
      YDRZAuthLogin.getTokenInfo({
        data: {
          version: s.version,
          appId: s.appId,
          sign: s.sign,
          traceId: s.traceId,
          timestamp: s.timestamp,
          expandParams: "sim=" + query.get("sim"),
          authPageType: query.get("type"),
        },
        async success(res) {
          report("success", res);
          const login = await post("/api/login", {
            token: res.token,
            userInformation: res.userInformation,
          });
          document.getElementById("phone").textContent = login.phone || "";
        },
        error: (res) => report("error", res),
      });
    });
    window.__end = () => YDRZAuthLogin.endGetToken();
    window.__ready = true;
  </script>
</body>
</html>
`;

useE2e(async (stack) => {
  stack.fixtures.set(PAGE, html(stack.gatewayUrl), "text/html; charset=utf-8");
  const esm = await readFile(join(stack.root, "dist/index.mjs"), "utf8");
  stack.fixtures.set("/dist/index.mjs", esm, "text/javascript; charset=utf-8");
});

// The emulator is reset after every test: the page is registered for the default app again.
beforeEach(async () => {
  await stack.admin.addPage(stack.appId, stack.fixtures.url + PAGE);
});

/** Opens the integrator page for a SIM and page type, presses login; resolves with the traceId. */
async function startLogin(s: Session, sim: string, type: string): Promise<string> {
  await s.page.goto(`${stack.fixtures.url}${PAGE}?sim=${sim}&type=${type}`);
  await s.page.waitForFunction(() => (window as any).__ready === true);
  const traceId = await pressLogin(s);
  await s.page.locator("iframe#auth").waitFor({ state: "visible" });
  return traceId;
}

const hostedFrame = (s: Session) => s.page.frameLocator("iframe#auth");

/** The iframe's query names in order, and its values. */
async function frameQuery(s: Session) {
  const src = await s.page.locator("iframe#auth").getAttribute("src");
  const url = new URL(src!);
  return { url, names: [...url.searchParams.keys()], values: url.searchParams };
}

const QUERY_ORDER = [
  "traceId",
  "accessToken",
  "maskPhone",
  "authLevel",
  "authName",
  "userInformation",
  "appId",
  "expandParams",
  "isTest",
  "oper",
  "from",
  "authPageType",
  "v",
];

describe("hosted-page mode", () => {
  it.each([
    ["CM", "0"],
    ["CT", "3"],
  ] as const)(
    "a %s subscriber logs in through the gateway's page (authPageType %s)",
    async (carrier, type) => {
      const sim = E2E_SIMS[carrier];
      const s = await newSession(browser);
      const traceId = await startLogin(s, sim.id, type);

      // The official query, in order, on the gateway's page address; full screen.
      const { url, names, values } = await frameQuery(s);
      expect(url.origin + url.pathname).toBe(stack.gatewayUrl + "/h5/onekeylogin/authPage");
      expect(names).toEqual(QUERY_ORDER);
      expect(values.get("traceId")).toBe(traceId);
      expect(values.get("maskPhone")).toBe(masked(sim.number));
      expect(values.get("oper")).toBe(carrier);
      expect(values.get("from")).toBe(stack.fixtures.url);
      expect(values.get("authPageType")).toBe(type);
      expect(values.get("v")).toBe("20211103");
      const box = await s.page.locator("iframe#auth").boundingBox();
      expect(box).toEqual({ x: 0, y: 0, ...s.device.viewport });
      // No in-page view of ours.
      await expect(s.page.locator("#YDRZPage").count()).resolves.toBe(0);

      const frame = hostedFrame(s);
      await frame.locator("#digits").fill(hiddenDigits(sim.number));
      await frame.locator("#agree").check();
      await frame.locator("#submit").click();

      const final = await s.rec.final();
      expect(final.kind).toBe("success");
      expect(final.payload).toMatchObject({ code: "103000", msgId: traceId });
      expect(final.payload.token).toEqual(expect.any(String));
      await expect
        .poll(() => s.page.locator("#phone").textContent(), { timeout: 30_000 })
        .toBe(sim.number);
      await expect.poll(() => s.page.locator("iframe").count()).toBe(0);
      expect(s.rec.finals()).toHaveLength(1);
      expect(s.rec.pageErrors).toEqual([]);
    },
  );

  it("backing out of the page is 501 用户取消授权, once, and the iframe goes", async () => {
    const s = await newSession(browser);
    const traceId = await startLogin(s, E2E_SIMS.CM.id, "0");
    await hostedFrame(s).locator("#back").click();
    const final = await s.rec.final();
    expect(final).toMatchObject({
      kind: "error",
      payload: { code: "501", message: "用户取消授权", msgId: traceId },
    });
    await expect.poll(() => s.page.locator("iframe").count()).toBe(0);
    expect(s.rec.finals()).toHaveLength(1);
  });

  it("endGetToken while the page is up ends the call once and removes the iframe", async () => {
    const s = await newSession(browser);
    const traceId = await startLogin(s, E2E_SIMS.CU.id, "0");
    await s.page.evaluate(() => (window as any).__end());
    const final = await s.rec.final();
    expect(final).toMatchObject({
      kind: "error",
      payload: { code: "503", message: "获取token结束", msgId: traceId },
    });
    await expect.poll(() => s.page.locator("iframe").count()).toBe(0);
    expect(s.rec.finals()).toHaveLength(1);
  });
});
