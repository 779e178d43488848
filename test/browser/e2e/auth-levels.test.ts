/**
 * The other two authLevels of the registry, end to end on the demo: "1" (confirm the masked
 * number, nothing to type) and "5" (no SDK view: the page draws its own and calls authGetToken).
 */
import { describe, expect, it } from "vitest";
import {
  agree,
  ANY_VIEW,
  ANDROID,
  E2E_SIMS,
  expectLoggedIn,
  hiddenDigits,
  masked,
  newSession,
  openDemoPage,
  pressLogin,
  screenshot,
  submit,
  view,
  withoutTiming,
  type Session,
  browser,
  stack,
  useE2e,
} from "./harness";

useE2e();

let s: Session | undefined;

describe("authLevel", () => {
  it('"1": the popup shows the masked number to confirm; tick and submit log in', async () => {
    const sim = E2E_SIMS.CT;
    s = await newSession(browser, ANDROID);
    await openDemoPage(s, stack, {
      path: "/standard-popup.html",
      query: { sim: sim.id, scenario: "level1" },
    });
    const traceId = await pressLogin(s);
    const root = view(s, "standard-popup");
    await root.waitFor({ state: "visible" });
    expect(await root.locator(".ydrz-digit").count()).toBe(0);
    expect(await root.innerText()).toContain(masked(sim.number));
    expect(await root.locator("#YDRZ_Checkbox_l1").count()).toBe(1);
    await agree(s, "standard-popup");
    await screenshot(s, "standard-popup-level1");
    await submit(s, "standard-popup");
    await expectLoggedIn(s, sim.number);
    const finals = s.rec.finals();
    expect(finals.map((e) => e.kind)).toEqual(["success"]);
    expect(finals[0].payload).toMatchObject({ code: "103000", msgId: traceId });
  });

  it('"5": no SDK view; getTokenInfo hands out the accessToken, the page\'s own UI and authGetToken log in', async () => {
    const sim = E2E_SIMS.CU;
    s = await newSession(browser, ANDROID);
    await openDemoPage(s, stack, { path: "/level5.html", query: { sim: sim.id } });
    const traceId = await pressLogin(s);
    const first = await s.rec.final();
    expect(first.kind).toBe("success");
    const { accessToken, ...rest } = withoutTiming(first.payload);
    expect(rest).toEqual({
      code: "103000",
      message: "获取AccessToken成功",
      msgId: traceId,
      maskPhone: masked(sim.number),
      oper: "CU",
    });
    expect(typeof accessToken).toBe("string");
    expect(accessToken.length).toBeGreaterThan(0);
    expect(await s.page.locator(ANY_VIEW).count()).toBe(0);

    await s.page.locator("#mask-val").fill(hiddenDigits(sim.number));
    await s.page.locator("#own-submit").tap();
    await expectLoggedIn(s, sim.number);
    const tokens = s.rec.of("authGetToken");
    expect(tokens.map((e) => e.kind)).toEqual(["success"]);
    expect(tokens[0].payload).toMatchObject({ code: "103000", msgId: traceId });
    expect(s.rec.of("getTokenInfo")).toHaveLength(1);
  });
});
