/**
 * Every view × every carrier completes a login on both phone viewports: the user opens a demo
 * page, presses login, taps the hidden digits on the SDK's keypad, ticks the agreement and
 * submits; the demo backend validates the token and shows the SIM's full number. CT and CU go
 * through their JSONP gateways (the CM pre-fetch fails first, as on a real Telecom/Unicom phone).
 * A screenshot of each view is kept under test-results/screenshots/e2e/.
 */
import { describe, expect, it } from "vitest";
import {
  agree,
  ANY_VIEW,
  CARRIERS,
  DEVICES,
  E2E_SIMS,
  enterDigitsOnKeypad,
  expectLoggedIn,
  hiddenDigits,
  masked,
  newSession,
  openDemoPage,
  pressLogin,
  screenshot,
  submit,
  VIEW_INFO,
  view,
  VIEWS,
  withoutTiming,
  type Session,
  browser,
  stack,
  useE2e,
} from "./harness";

useE2e();

let s: Session | undefined;

/** The carrier's number-fetch endpoints in the order the flow must have called them. */
const FETCH_STEPS: Record<string, string[]> = {
  CM: ["preGetMobile"],
  CT: ["preGetMobile", "ctPhonescrip", "ctGateway", "ctCallback"],
  CU: ["preGetMobile", "cuPhonescrip", "cuGateway", "cuCallback"],
};

describe.each(DEVICES)("$name", (device) => {
  const cases = VIEWS.flatMap((v) => CARRIERS.map((c) => [v, c] as const));

  it.each(cases)("%s × %s: login returns the SIM's number", async (viewName, carrier) => {
    const sim = E2E_SIMS[carrier];
    s = await newSession(browser, device);
    await openDemoPage(s, stack, { path: VIEW_INFO[viewName].page, query: { sim: sim.id } });
    const traceId = await pressLogin(s);

    const root = view(s, viewName);
    await root.waitFor({ state: "visible" });
    // The masked number: the visible prefix and suffix around the hidden digits.
    const shown = await root.innerText();
    expect(shown).toContain(sim.number.slice(0, 3));
    expect(shown).toContain(sim.number.slice(7));
    expect(await root.locator(".ydrz-digit").count()).toBe(4);
    await screenshot(s, `${viewName}-${carrier}-open`);

    if (viewName === "custom-popup") {
      // Not final: the popup is in the page's container and the integrator's button submits.
      const loaded = await s.rec.next("getTokenInfo", "success");
      expect(withoutTiming(loaded.payload)).toEqual({
        code: "103000",
        msgId: traceId,
        message: "弹窗加载成功",
      });
      expect(await s.page.locator("#ydrzCustomControls #YDRZLayerTwo").count()).toBe(1);
    }

    await enterDigitsOnKeypad(s, viewName, hiddenDigits(sim.number));
    // The mask popup submits as soon as the tick completes it: its picture is taken before.
    if (VIEW_INFO[viewName].submit === null) await screenshot(s, `${viewName}-${carrier}-filled`);
    await agree(s, viewName);
    if (viewName === "custom-popup") {
      const ready = await s.rec.next("getTokenInfo", "layerCallback");
      expect(ready.payload).toEqual({
        code: "103000",
        msgId: traceId,
        message: "用户已输入中间四位号码并勾选协议",
      });
    }
    if (VIEW_INFO[viewName].submit !== null) await screenshot(s, `${viewName}-${carrier}-filled`);
    await submit(s, viewName);

    await expectLoggedIn(s, sim.number);
    expect(await s.page.locator("#security-phone").textContent()).toBe(masked(sim.number));

    // Exactly one final callback, a success carrying the token and the fingerprint.
    const method = viewName === "custom-popup" ? "authGetTokenByLayer" : "getTokenInfo";
    const finals = viewName === "custom-popup" ? s.rec.of(method) : s.rec.finals();
    expect(finals.map((e) => e.kind)).toEqual(["success"]);
    const ok = finals[0].payload;
    expect(ok).toMatchObject({ code: "103000", msgId: traceId });
    expect(typeof ok.token).toBe("string");
    expect(ok.token.length).toBeGreaterThan(0);
    expect(ok.userInformation).toMatch(/^[A-Za-z0-9%._~*'()!-]+$/);
    expect(s.rec.of("getTokenInfo", "error")).toEqual([]);
    if (viewName === "custom-popup") expect(s.rec.of("getTokenInfo", "success")).toHaveLength(1);

    // The view is gone and the page is usable again.
    await expect.poll(() => s!.page.locator(ANY_VIEW).count()).toBe(0);
    expect(await s.page.evaluate(() => getComputedStyle(document.body).overflow)).not.toBe(
      "hidden",
    );

    // The gateway saw the carrier's path and billed exactly one successful number return.
    const records = await stack.admin.records({ traceId });
    const fetches = records.filter(
      (r) =>
        r.endpoint !== "authGetToken" &&
        r.endpoint !== "pageOption" &&
        r.endpoint !== "tokenValidate",
    );
    expect(fetches.map((r) => r.endpoint)).toEqual(FETCH_STEPS[carrier]);
    expect(fetches.at(-1)!.resultCode === "103000" || fetches.at(-1)!.resultCode === "0").toBe(
      true,
    );
    const token = records.filter((r) => r.endpoint === "authGetToken");
    expect(token.map((r) => r.resultCode)).toEqual(["103000"]);
    const validations = (await stack.admin.records({ endpoint: "tokenValidate" })).filter(
      (r) => r.resultCode === "103000",
    );
    expect(validations).toHaveLength(1);
    expect(validations[0]!.billable).toBe(true);

    // JSONP leaves nothing behind: no callback global (api.md: one global only), no script tag.
    const leftovers = await s.page.evaluate(
      (gw) => ({
        globals: ["getTelecomPhone", "getNewUnicomPhone"].filter((k) => k in window),
        scripts: [...document.scripts].filter((e) => e.src.startsWith(gw)).length,
      }),
      stack.gatewayUrl,
    );
    expect(leftovers).toEqual({ globals: [], scripts: 0 });

    expect(s.rec.pageErrors).toEqual([]);
  });
});
