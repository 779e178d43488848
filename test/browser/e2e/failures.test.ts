/**
 * What goes wrong, end to end: subscribers the gateway cannot identify, wrong digits and the lock,
 * the user or the integrator ending the flow, a second call while one runs, and a misbehaving
 * gateway (fault injection through the emulator's admin API). Each case asserts the exact payload
 * the page received and that it received exactly one final callback.
 */
// The entries of carriers the SDK did not ask because the CM answer named the subscriber's carrier
// (api.md: "its entry then says so"): the SDK's own wording, shared through src/protocol.
import { SKIPPED_CT, SKIPPED_CU } from "../../../src/protocol/codes";
import { describe, expect, it } from "vitest";
import {
  agree,
  ANY_VIEW,
  E2E_SIMS,
  enterDigitsOnKeypad,
  expectLoggedIn,
  hiddenDigits,
  IPHONE,
  ANDROID,
  newSession,
  openDemoPage,
  pressLogin,
  screenshot,
  submit,
  typeDigits,
  view,
  VIEW_INFO,
  withoutTiming,
  type Session,
  browser,
  stack,
  useE2e,
  type ViewName,
} from "./harness";

useE2e();

let s: Session | undefined;

const NETWORK = { code: "500", message: "网络异常，请检查网络设置" };
const WRONG_TIP = "号码有误，请重新填写";

/** Opens a view's demo page, presses login and waits until the view is drawn. */
async function openView(
  name: ViewName,
  query: Record<string, string>,
  device = IPHONE,
): Promise<{ s: Session; traceId: string }> {
  s = await newSession(browser, device);
  await openDemoPage(s, stack, { path: VIEW_INFO[name].page, query });
  const traceId = await pressLogin(s);
  await view(s, name).waitFor({ state: "visible" });
  return { s, traceId };
}

/** Presses login on a page whose flow is expected to fail before any view. */
async function failFetch(
  query: Record<string, string>,
  page = "/standard-popup.html",
): Promise<{ s: Session; traceId: string; payload: any }> {
  s = await newSession(browser, IPHONE);
  await openDemoPage(s, stack, { path: page, query });
  const traceId = await pressLogin(s);
  const final = await s.rec.final();
  expect(final.kind).toBe("error");
  return { s, traceId, payload: final.payload };
}

/** The first non-success record of an endpoint family for this flow: the gateway's own words. */
async function gatewaySaid(
  traceId: string,
  endpoints: string[],
): Promise<{ code: string; desc: string }> {
  const records = await stack.admin.records({ traceId });
  const r = records.find(
    (x) => endpoints.includes(x.endpoint) && x.resultCode !== "103000" && x.resultCode !== "0",
  );
  expect(r, `a failing ${endpoints.join("/")} record for ${traceId}`).toBeDefined();
  return { code: r.resultCode, desc: r.desc };
}

/** Exactly one final callback so far, no SDK element left in the page, nothing thrown into it. */
async function expectSettledOnce(sess: Session, allowedPageErrors: RegExp[] = []): Promise<void> {
  expect(sess.rec.finals()).toHaveLength(1);
  await expect.poll(() => sess.page.locator(ANY_VIEW).count()).toBe(0);
  expect(sess.rec.pageErrors.filter((e) => !allowedPageErrors.some((r) => r.test(e)))).toEqual([]);
}

describe("number fetch fails for the subscriber", () => {
  it("Wi-Fi: the exact {msgId, YDData, CTData, CUData} payload, each carrier's own 103111", async () => {
    const { s, traceId, payload } = await failFetch({ sim: "cm-wifi" });
    expect(Object.keys(withoutTiming(payload)).sort()).toEqual([
      "CTData",
      "CUData",
      "YDData",
      "msgId",
    ]);
    const cm = await gatewaySaid(traceId, ["preGetMobile"]);
    const ct = await gatewaySaid(traceId, ["ctPhonescrip", "ctGateway", "ctCallback"]);
    const cu = await gatewaySaid(traceId, ["cuPhonescrip", "cuGateway", "cuCallback"]);
    expect(withoutTiming(payload)).toEqual({
      msgId: traceId,
      YDData: { code: "103111", message: cm.desc },
      CTData: { code: "103111", message: ct.desc },
      CUData: { code: "103111", message: cu.desc },
    });
    for (const d of [payload.YDData, payload.CTData, payload.CUData])
      expect(d.message.startsWith("WAP 网关 IP 错误")).toBe(true);
    await expectSettledOnce(s);
  });

  it("no SIM: 105002 / 105003 / 105001 from the three gateways", async () => {
    const { s, traceId, payload } = await failFetch({ sim: "no-sim" });
    const cm = await gatewaySaid(traceId, ["preGetMobile"]);
    const ct = await gatewaySaid(traceId, ["ctPhonescrip", "ctGateway", "ctCallback"]);
    const cu = await gatewaySaid(traceId, ["cuPhonescrip", "cuGateway", "cuCallback"]);
    expect(withoutTiming(payload)).toEqual({
      msgId: traceId,
      YDData: { code: "105002", message: cm.desc },
      CTData: { code: "105003", message: ct.desc },
      CUData: { code: "105001", message: cu.desc },
    });
    expect(payload.YDData.message.startsWith("移动网关取号失败")).toBe(true);
    expect(payload.CTData.message.startsWith("电信网关取号失败")).toBe(true);
    expect(payload.CUData.message.startsWith("联通网关取号失败")).toBe(true);
    await expectSettledOnce(s);
  });

  it("other carrier: a Telecom SIM on an app without cross-carrier fetch → 105002, 502, Unicom skipped", async () => {
    const { s, traceId, payload } = await failFetch({
      sim: E2E_SIMS.CT.id,
      scenario: "no-cross-carrier",
    });
    const cm = await gatewaySaid(traceId, ["preGetMobile"]);
    expect(withoutTiming(payload)).toEqual({
      msgId: traceId,
      YDData: { code: "105002", message: cm.desc },
      // 103000 without an accessToken from CTCallback: the switch is off (wire-protocol.md §2).
      CTData: { code: "502", message: "电信/联通取号能力关闭" },
      // msisdnOwner said CT: Unicom cannot hold this number and is not asked.
      CUData: SKIPPED_CU,
    });
    const endpoints = (await stack.admin.records({ traceId }))
      .map((r) => r.endpoint)
      .filter((e) => e !== "pageOption");
    expect(endpoints).toEqual(["preGetMobile", "ctPhonescrip", "ctGateway", "ctCallback"]);
    await expectSettledOnce(s);
  });
});

describe("number fetch refused for the subscriber's line", () => {
  it.each([
    ["cm-blacklisted", "111002", "黑名单号码用户"],
    ["cm-iot", "103609", "物联网 IP 不允许取号"],
  ])("%s: YDData %s, Telecom and Unicom not asked (msisdnOwner CM)", async (sim, code, text) => {
    const { s, traceId, payload } = await failFetch({ sim });
    const cm = await gatewaySaid(traceId, ["preGetMobile"]);
    expect(withoutTiming(payload)).toEqual({
      msgId: traceId,
      YDData: { code, message: cm.desc },
      CTData: { ...SKIPPED_CT },
      CUData: SKIPPED_CU,
    });
    expect(payload.YDData.message.startsWith(text)).toBe(true);
    expect(
      (await stack.admin.records({ traceId }))
        .map((r) => r.endpoint)
        .filter((e) => e !== "pageOption"),
    ).toEqual(["preGetMobile"]);
    await expectSettledOnce(s);
  });
});

describe("digits", () => {
  it.each(["standard-popup", "standard-page", "custom-page"] as const)(
    "%s: wrong digits → tip, inputs cleared, no callback; the retry logs in",
    async (name) => {
      const sim = E2E_SIMS.CM;
      const { s } = await openView(name, { sim: sim.id });
      await agree(s, name);
      await enterDigitsOnKeypad(s, name, "9999");
      await submit(s, name);
      await expect
        .poll(async () => (await stack.admin.records({ endpoint: "authGetToken" })).length)
        .toBe(1);
      const tip = s.page.locator("#YDRZErrorTips");
      await expect.poll(() => tip.textContent()).toContain(WRONG_TIP);
      await expect
        .poll(() =>
          view(s, name)
            .locator(".ydrz-digit")
            .evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value).join("")),
        )
        .toBe("");
      await screenshot(s, `${name}-wrong-digits`);
      expect(s.rec.finals()).toEqual([]);
      expect(await view(s, name).isVisible()).toBe(true);

      await typeDigits(s, name, hiddenDigits(sim.number));
      await submit(s, name);
      await expectLoggedIn(s, sim.number);
      expect(s.rec.finals().map((e) => e.kind)).toEqual(["success"]);
      const tokens = (await stack.admin.records({ endpoint: "authGetToken" })).map(
        (r) => r.resultCode,
      );
      expect(tokens).toEqual(["104012", "103000"]);
    },
  );

  it("custom popup without mask: authGetTokenByLayer hears 104012, the popup stays, the retry logs in", async () => {
    const sim = E2E_SIMS.CU;
    const { s, traceId } = await openView("custom-popup", { sim: sim.id });
    await enterDigitsOnKeypad(s, "custom-popup", "0000");
    await agree(s, "custom-popup");
    await submit(s, "custom-popup");
    const wrong = await s.rec.next("authGetTokenByLayer", "error");
    expect(wrong.payload).toMatchObject({ code: "104012", msgId: traceId });
    await expect.poll(() => s.page.locator("#YDRZErrorTips").textContent()).toContain(WRONG_TIP);
    expect(await view(s, "custom-popup").isVisible()).toBe(true);

    await enterDigitsOnKeypad(s, "custom-popup", hiddenDigits(sim.number));
    await submit(s, "custom-popup");
    await expectLoggedIn(s, sim.number);
    expect(s.rec.of("authGetTokenByLayer").map((e) => e.kind)).toEqual(["error", "success"]);
    expect(s.rec.of("getTokenInfo", "error")).toEqual([]);
  });

  it("three wrong entries lock the number: the fourth (right) entry ends with 104009, once", async () => {
    const sim = E2E_SIMS.CM;
    const { s, traceId } = await openView("standard-popup", { sim: sim.id }, ANDROID);
    await agree(s, "standard-popup");
    for (const [i, wrong] of ["1111", "2222", "3333"].entries()) {
      await enterDigitsOnKeypad(s, "standard-popup", wrong);
      await submit(s, "standard-popup");
      await expect
        .poll(async () => (await stack.admin.records({ traceId, endpoint: "authGetToken" })).length)
        .toBe(i + 1);
      await expect.poll(() => s.page.locator("#YDRZErrorTips").textContent()).toContain(WRONG_TIP);
      await expect
        .poll(() => view(s, "standard-popup").locator(".ydrz-digit").first().inputValue())
        .toBe("");
    }
    expect(s.rec.finals()).toEqual([]);
    const state = await stack.admin.get(`/sims/${sim.id}/number`);
    expect(state.locked).toBe(true);

    await enterDigitsOnKeypad(s, "standard-popup", hiddenDigits(sim.number));
    await submit(s, "standard-popup");
    const final = await s.rec.final();
    const last = (await stack.admin.records({ traceId, endpoint: "authGetToken" })).at(-1);
    const locked = { code: last.resultCode, desc: last.desc };
    expect(locked.code).toBe("104009");
    expect(final.kind).toBe("error");
    expect(withoutTiming(final.payload)).toEqual({
      code: "104009",
      message: locked.desc,
      msgId: traceId,
    });
    await expectSettledOnce(s);
    expect(
      (await stack.admin.records({ endpoint: "authGetToken" })).map((r) => r.resultCode),
    ).toEqual(["104012", "104012", "104012", "104009"]);
  });
});

describe("ending the flow", () => {
  it("endGetToken() while the popup is open: one 503, the view and the scroll lock are gone", async () => {
    const { s, traceId } = await openView("standard-popup", { sim: E2E_SIMS.CM.id });
    await s.page.evaluate(() => (window as any).YDRZAuthLogin.endGetToken());
    const final = await s.rec.final();
    expect(final.kind).toBe("error");
    expect(withoutTiming(final.payload)).toEqual({
      code: "503",
      message: "获取token结束",
      msgId: traceId,
    });
    await expectSettledOnce(s);
    expect(
      await s.page.evaluate(() => [
        document.body.style.overflow,
        document.documentElement.style.overflow,
        document.body.style.position,
      ]),
    ).toEqual(["", "", ""]);
    // A second endGetToken is a no-op: no second 503.
    await s.page.evaluate(() => (window as any).YDRZAuthLogin.endGetToken());
    expect(s.rec.finals()).toHaveLength(1);
    expect(await stack.admin.records({ traceId, endpoint: "authGetToken" })).toEqual([]);
  });

  it("endGetToken() during a slow pre-fetch: one 503, and the late answer draws no view", async () => {
    s = await newSession(browser, IPHONE);
    await openDemoPage(s, stack, {
      path: VIEW_INFO["standard-page"].page,
      query: { sim: E2E_SIMS.CM.id },
    });
    await stack.admin.fault({ endpoint: "preGetMobile", latencyMs: 1500 });
    // Any SDK element ever added to the page is remembered.
    await s.page.evaluate(() => {
      (window as any).__viewsSeen = 0;
      new MutationObserver(() => {
        if (document.querySelector("#YDRZLayer, #YDRZLayerTwo, #YDRZPage"))
          (window as any).__viewsSeen++;
      }).observe(document.body, { childList: true, subtree: true });
    });
    const isPrefetch = (r: { url(): string; method(): string }) =>
      r.url().includes("/h5/httpsPreGetmobile") && r.method() === "POST";
    const inFlight = s.page.waitForRequest(isPrefetch);
    const aborted = s.page.waitForEvent("requestfailed", isPrefetch);
    const traceId = await pressLogin(s);
    await inFlight;
    await s.page.evaluate(() => (window as any).YDRZAuthLogin.endGetToken());
    const final = await s.rec.final();
    expect(withoutTiming(final.payload)).toEqual({
      code: "503",
      message: "获取token结束",
      msgId: traceId,
    });
    // endGetToken aborts the request in flight, so no late answer can reach the flow (whether or
    // not the gateway had read it yet: that race is why we look at the browser, not its records).
    expect((await aborted).failure()?.errorText).toMatch(/ABORTED/);
    // One more round trip through the page's event loop before looking.
    await s.page.evaluate(() => fetch("/api/config").then((r) => r.status));
    expect(await s.page.evaluate(() => (window as any).__viewsSeen)).toBe(0);
    expect(s.rec.entries.filter((e) => e.method === "getTokenInfo")).toHaveLength(1);
    await expectSettledOnce(s);
  });

  it.each([
    ["standard-popup", "#YDRZ_Closebtn"],
    ["custom-popup-mask", "#YDRZ_Closebtn_two"],
    ["custom-popup", "#YDRZ_Closebtn_two"],
    ["standard-page", "#YDRZ_Returnbtn"],
    ["custom-page", "#YDRZ_Returnbtn"],
  ] as const)("%s: %s → 501 用户取消授权, once", async (name, button) => {
    const { s, traceId } = await openView(name, { sim: E2E_SIMS.CM.id });
    await s.page.locator(button).tap();
    const final = await s.rec.final();
    expect(final.kind).toBe("error");
    expect(withoutTiming(final.payload)).toEqual({
      code: "501",
      message: "用户取消授权",
      msgId: traceId,
    });
    await expectSettledOnce(s);
  });

  it("Escape closes the standard popup → 501, once", async () => {
    const { s, traceId } = await openView("standard-popup", { sim: E2E_SIMS.CM.id });
    await s.page.keyboard.press("Escape");
    const final = await s.rec.final();
    expect(withoutTiming(final.payload)).toEqual({
      code: "501",
      message: "用户取消授权",
      msgId: traceId,
    });
    await expectSettledOnce(s);
  });

  it("a second getTokenInfo while the popup is open → 104018 to the new call only; the first still logs in", async () => {
    const sim = E2E_SIMS.CT;
    const { s, traceId } = await openView("standard-popup", { sim: sim.id });
    const second = await s.page.evaluate(async () => {
      const r = await fetch("/api/sign", {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: "{}",
      });
      const d = await r.json();
      (window as any).YDRZAuthLogin.getTokenInfo({
        data: {
          version: d.version,
          appId: d.appId,
          sign: d.sign,
          traceId: d.traceId,
          timestamp: d.timestamp,
          authPageType: "1",
          expandParams: "",
        },
        success() {},
        error() {},
      });
      return d.traceId as string;
    });
    const busy = await s.rec.next("getTokenInfo", "error");
    expect(withoutTiming(busy.payload)).toEqual({
      code: "104018",
      message: "正在处理，请稍后",
      msgId: second,
    });
    expect(await s.page.locator("#YDRZLayer").count()).toBe(1);
    expect(await stack.admin.records({ traceId: second })).toEqual([]);

    await enterDigitsOnKeypad(s, "standard-popup", hiddenDigits(sim.number));
    await agree(s, "standard-popup");
    await submit(s, "standard-popup");
    await expectLoggedIn(s, sim.number);
    const forFirst = s.rec.of("getTokenInfo").filter((e) => e.payload?.msgId === traceId);
    expect(forFirst.map((e) => e.kind)).toEqual(["success"]);
  });
});

describe("gateway faults (emulator fault injection)", () => {
  /** The SDK's documented timeout setting, short so that the suite stays fast. */
  async function shortTimeout(sess: Session, ms: number): Promise<void> {
    const t = await sess.page.evaluate(
      (v) => (window as any).YDRZAuthLogin.config({ timeout: v }).timeout,
      ms,
    );
    expect(t).toBe(ms);
  }

  it("latency below the timeout: the login still succeeds, once", async () => {
    const sim = E2E_SIMS.CM;
    await stack.admin.fault({ endpoint: "preGetMobile", latencyMs: 1200 });
    await stack.admin.fault({ endpoint: "authGetToken", latencyMs: 800 });
    const { s, traceId } = await openView("standard-popup", { sim: sim.id });
    await enterDigitsOnKeypad(s, "standard-popup", hiddenDigits(sim.number));
    await agree(s, "standard-popup");
    await submit(s, "standard-popup");
    await expectLoggedIn(s, sim.number);
    expect(s.rec.finals().map((e) => e.kind)).toEqual(["success"]);
    const pre = await stack.admin.records({ traceId, endpoint: "preGetMobile" });
    expect(pre[0].durationMs).toBeGreaterThanOrEqual(1200);
  });

  it("latency beyond the SDK timeout: 500 for each carrier, once, and the late answers change nothing", async () => {
    s = await newSession(browser, IPHONE);
    await openDemoPage(s, stack, {
      path: "/standard-page.html",
      query: { sim: E2E_SIMS.CM.id },
    });
    await shortTimeout(s, 1000);
    await stack.admin.fault({ endpoint: "*", latencyMs: 2500 });
    const traceId = await pressLogin(s);
    const final = await s.rec.final();
    expect(withoutTiming(final.payload)).toEqual({
      msgId: traceId,
      YDData: NETWORK,
      CTData: NETWORK,
      CUData: NETWORK,
    });
    // Wait for the gateway to have answered every delayed request (records are written on answer).
    await expect
      .poll(async () => (await stack.admin.records({ traceId })).map((r) => r.endpoint).sort(), {
        timeout: 15_000,
      })
      .toEqual(["ctPhonescrip", "cuPhonescrip", "preGetMobile"]);
    expect(s.rec.entries.filter((e) => e.method === "getTokenInfo")).toHaveLength(1);
    await expectSettledOnce(s);
  });

  it("timeout (the gateway never answers): 500 for each carrier, once", async () => {
    s = await newSession(browser, IPHONE);
    await openDemoPage(s, stack, {
      path: "/standard-page.html",
      query: { sim: E2E_SIMS.CM.id },
    });
    await shortTimeout(s, 1000);
    await stack.admin.fault({ endpoint: "*", kind: "timeout" });
    const traceId = await pressLogin(s);
    const final = await s.rec.final();
    expect(withoutTiming(final.payload)).toEqual({
      msgId: traceId,
      YDData: NETWORK,
      CTData: NETWORK,
      CUData: NETWORK,
    });
    expect((await stack.admin.records()).map((r) => [r.endpoint, r.resultCode, r.fault])).toEqual([
      ["preGetMobile", "timeout", "timeout"],
      ["ctPhonescrip", "timeout", "timeout"],
      ["cuPhonescrip", "timeout", "timeout"],
    ]);
    await expectSettledOnce(s);
  });

  it("faulted requests are recorded under the flow's appId and traceId (docs/emulator.md Records)", async () => {
    await stack.admin.fault({ endpoint: "preGetMobile", kind: "http5xx", status: 503, times: 1 });
    const { traceId } = await failFetch({ sim: E2E_SIMS.CM.id });
    const faulted = (await stack.admin.records({ endpoint: "preGetMobile" }))[0];
    expect(faulted).toMatchObject({ resultCode: "http503", fault: "http5xx" });
    // "Every protocol request is recorded: time, endpoint, appId, traceId, …" — the faulted one too,
    // or a test cannot find it by flow (GET /__emulator/sessions/:traceId).
    expect({ appId: faulted.appId, traceId: faulted.traceId }).toEqual({
      appId: stack.appId,
      traceId,
    });
  });

  it("HTTP 503 from every number endpoint: 500 for each carrier, once", async () => {
    await stack.admin.fault({ endpoint: "*", kind: "http5xx", status: 503 });
    const { s, traceId, payload } = await failFetch({ sim: E2E_SIMS.CM.id });
    expect(withoutTiming(payload)).toEqual({
      msgId: traceId,
      YDData: NETWORK,
      CTData: NETWORK,
      CUData: NETWORK,
    });
    await expectSettledOnce(s);
  });

  it("malformed JSON from every number endpoint: 500 for each carrier, once", async () => {
    await stack.admin.fault({ endpoint: "*", kind: "malformedJson" });
    const { s, traceId, payload } = await failFetch({ sim: E2E_SIMS.CM.id });
    expect(withoutTiming(payload)).toEqual({
      msgId: traceId,
      YDData: NETWORK,
      CTData: NETWORK,
      CUData: NETWORK,
    });
    await expectSettledOnce(s);
  });

  it("a broken JSONP script from the Telecom gateway: CTData 500, Unicom skipped, once", async () => {
    await stack.admin.fault({ endpoint: "ctGateway", kind: "malformedJson" });
    const { s, traceId, payload } = await failFetch({ sim: E2E_SIMS.CT.id });
    const cm = await gatewaySaid(traceId, ["preGetMobile"]);
    expect(withoutTiming(payload)).toEqual({
      msgId: traceId,
      YDData: { code: "105002", message: cm.desc },
      CTData: NETWORK,
      CUData: SKIPPED_CU,
    });
    // The broken script itself is a SyntaxError at the page's top level (JSONP cannot catch it);
    // anything else would be the SDK throwing into the page.
    expect(s.rec.pageErrors.length).toBeLessThanOrEqual(1);
    await expectSettledOnce(s, [
      /^SyntaxError: Unexpected end of input|Uncaught SyntaxError: Unexpected end of input/,
    ]);
  });

  it.each([
    ["http5xx", { kind: "http5xx", status: 502 }],
    ["malformedJson", { kind: "malformedJson" }],
  ] as const)(
    "token request answered with %s: error 103005 inner error, once, view removed",
    async (_label, fault) => {
      const sim = E2E_SIMS.CM;
      await stack.admin.fault({ endpoint: "authGetToken", ...fault });
      const { s, traceId } = await openView("standard-page", { sim: sim.id });
      await enterDigitsOnKeypad(s, "standard-page", hiddenDigits(sim.number));
      await agree(s, "standard-page");
      await submit(s, "standard-page");
      const final = await s.rec.final();
      expect(final.kind).toBe("error");
      expect(withoutTiming(final.payload)).toEqual({
        code: "103005",
        message: "inner error",
        msgId: traceId,
      });
      await expectSettledOnce(s);
    },
  );

  it("token request times out: 103005 inner error, once", async () => {
    const sim = E2E_SIMS.CM;
    const { s, traceId } = await openView("standard-popup", { sim: sim.id });
    await shortTimeout(s, 1000);
    await stack.admin.fault({ endpoint: "authGetToken", kind: "timeout" });
    await enterDigitsOnKeypad(s, "standard-popup", hiddenDigits(sim.number));
    await agree(s, "standard-popup");
    await submit(s, "standard-popup");
    const final = await s.rec.final();
    expect(withoutTiming(final.payload)).toEqual({
      code: "103005",
      message: "inner error",
      msgId: traceId,
    });
    await expectSettledOnce(s);
  });
});
