/**
 * prepare on the SMS hand-off page (the npm module, /dist/index.mjs): the page prepares on load
 * and shows the one-tap button; a tap paints the view with no gateway request between the tap
 * and the view (the demo backend's sign is not the gateway), and the login completes. A SIM
 * that cannot be fetched gets the SMS form instead of the button.
 */
import { describe, expect, it } from "vitest";
import {
  agree,
  ANY_VIEW,
  browser,
  E2E_SIMS,
  enterDigitsOnKeypad,
  expectLoggedIn,
  hiddenDigits,
  masked,
  newSession,
  pressLogin,
  stack,
  submit,
  useE2e,
  view,
  type Session,
} from "./harness";

useE2e();

/** Opens the page (an ESM page sets no global YDRZAuthLogin: openDemoPage's wait does not fit). */
async function openHandoff(s: Session, sim: string): Promise<void> {
  await s.page.goto(`${stack.demoUrl}/sms-handoff.html?sim=${sim}`);
  await s.page.waitForFunction(
    () => (window as any).Demo && (window as any).Demo.config() !== null,
  );
}

describe("prepare on the SMS hand-off page", () => {
  it("prepares on load; a tap paints the standard popup with 0 gateway requests", async () => {
    const s = await newSession(browser);
    const sim = E2E_SIMS.CM;
    const gateway: string[] = [];
    s.page.on("request", (r) => {
      if (r.url().startsWith(stack.gatewayUrl)) gateway.push(new URL(r.url()).pathname);
    });
    await openHandoff(s, sim.id);
    await expect.poll(() => s.page.locator("#login").isVisible()).toBe(true);
    await expect(s.page.locator("#prepare-state").textContent()).resolves.toContain(
      masked(sim.number),
    );
    expect(await s.page.locator("#sms-form").isVisible()).toBe(false);
    // The stylesheet is in before the first view.
    expect(await s.page.locator("style[data-ydrz-jssdk]").count()).toBe(1);
    // The pre-draw's rehearsal (a task after prepare answered) left nothing behind and took
    // nothing from the host page: no view, no inert or aria-hidden sibling, focus where it was.
    await s.page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 0)));
    expect(await s.page.locator(ANY_VIEW).count()).toBe(0);
    expect(await s.page.locator("body > [inert], body > [aria-hidden]").count()).toBe(0);
    expect(await s.page.evaluate(() => document.activeElement === document.body)).toBe(true);
    const beforeTap = gateway.length;
    expect(gateway).toContain("/h5/httpsPreGetmobile");

    await pressLogin(s);
    const root = view(s, "standard-popup");
    await root.waitFor({ state: "visible" });
    expect(gateway.slice(beforeTap)).toEqual([]);

    await enterDigitsOnKeypad(s, "standard-popup", hiddenDigits(sim.number));
    await agree(s, "standard-popup");
    await submit(s, "standard-popup");
    await expectLoggedIn(s, sim.number);
    expect(gateway.slice(beforeTap)).toEqual(["/h5/onekeylogin/authGetToken"]);
  });

  it("a SIM on Wi-Fi: no button, the demo SMS form", async () => {
    const s = await newSession(browser);
    await openHandoff(s, "cm-wifi");
    await expect.poll(() => s.page.locator("#sms-form").isVisible()).toBe(true);
    expect(await s.page.locator("#login").isVisible()).toBe(false);
    await s.page.locator("#sms-send").tap();
    await expect(s.page.locator("#sms-note").textContent()).resolves.toContain("演示：不发送短信");
  });
});
