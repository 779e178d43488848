/**
 * Referer and Origin (seed 003 §2.1/§2.2) as a real browser sends them: the same demo page passes
 * via 127.0.0.1 (registered) and fails via localhost (170001); a page whose address is registered
 * on an unregistered origin gets 110026; and an integrator page without
 * `<meta name="referrer" content="always">` — the HTTPS-like case — sends no usable Referer.
 * Besides the payload, each case checks what the gateway received and how it explained it.
 */
import { SKIPPED_CT, SKIPPED_CU } from "../../../src/protocol/codes";
import { describe, expect, it } from "vitest";
import {
  agree,
  E2E_SIMS,
  enterDigitsOnKeypad,
  expectLoggedIn,
  hiddenDigits,
  IPHONE,
  newSession,
  openDemoPage,
  pressLogin,
  submit,
  view,
  withoutTiming,
  type ReferrerPolicyName,
  type Session,
  browser,
  stack,
  useE2e,
} from "./harness";

useE2e();

let s: Session | undefined;

/**
 * The SDK's entries for carriers it did not ask because the CM answer named the owner (CM): its
 * own wording (api.md "its entry then says so"), shared through src/protocol.
 */
const SKIPPED = { CTData: { ...SKIPPED_CT }, CUData: { ...SKIPPED_CU } };

async function seen(traceId: string): Promise<any> {
  const session = await stack.admin.session(traceId);
  expect(session.seen, `the emulator saw a Referer/Origin for ${traceId}`).not.toBeNull();
  return session.seen;
}

async function preGetMobile(traceId: string): Promise<{ code: string; desc: string }> {
  const [r] = await stack.admin.records({ traceId, endpoint: "preGetMobile" });
  return { code: r.resultCode, desc: r.desc };
}

/** Waits for the demo's referer/origin panel, which it fills after a flow ends. */
async function panel(sess: Session): Promise<{
  referer: string;
  refererVerdict: string;
  origin: string;
  originVerdict: string;
  code: string;
}> {
  await expect
    .poll(() => sess.page.locator("#seen-referer").textContent(), {
      message: "the demo's panel shows the Referer the gateway got",
    })
    .not.toBe("—");
  const text = (id: string) =>
    sess.page
      .locator(id)
      .textContent()
      .then((t) => (t ?? "").trim());
  return {
    referer: await text("#seen-referer"),
    refererVerdict: await text("#referer-verdict"),
    origin: await text("#seen-origin"),
    originVerdict: await text("#origin-verdict"),
    code: await text("#seen-code"),
  };
}

describe("the same demo page on two hosts", () => {
  it("via 127.0.0.1 (registered): the login passes; the gateway got the full page address and the origin", async () => {
    const sim = E2E_SIMS.CM;
    s = await newSession(browser, IPHONE);
    await openDemoPage(s, stack, { path: "/standard-popup.html", query: { sim: sim.id } });
    const traceId = await pressLogin(s);
    await view(s, "standard-popup").waitFor({ state: "visible" });
    await enterDigitsOnKeypad(s, "standard-popup", hiddenDigits(sim.number));
    await agree(s, "standard-popup");
    await submit(s, "standard-popup");
    await expectLoggedIn(s, sim.number);

    const v = await seen(traceId);
    // <meta name="referrer" content="always">: the full address, query included; the gateway
    // compares it without ?query (seed 003 §2.1).
    expect(v.referer).toBe(`${stack.demoUrl}/standard-popup.html?sim=${sim.id}`);
    expect(v.refererPage).toBe(`${stack.demoUrl}/standard-popup.html`);
    expect(v.origin).toBe(stack.demoUrl);
    expect([v.refererOk, v.originOk]).toEqual([true, true]);
    const p = await panel(s);
    expect(p.referer).toBe(v.referer);
    expect(p.origin).toBe(stack.demoUrl);
    expect([p.refererVerdict, p.originVerdict]).toEqual(["与登记一致", "与登记一致"]);
  });

  it("via localhost (not registered): 170001 referer 校验失败, explained by the gateway and the demo panel", async () => {
    s = await newSession(browser, IPHONE);
    await openDemoPage(s, stack, {
      path: "/standard-popup.html",
      query: { sim: E2E_SIMS.CM.id },
      host: "localhost",
    });
    const traceId = await pressLogin(s);
    const final = await s.rec.final();
    expect(final.kind).toBe("error");
    const cm = await preGetMobile(traceId);
    expect(cm.code).toBe("170001");
    expect(withoutTiming(final.payload)).toEqual({
      msgId: traceId,
      YDData: { code: "170001", message: cm.desc },
      ...SKIPPED,
    });
    expect(final.payload.YDData.message.startsWith("referer 校验失败")).toBe(true);

    const localhostUrl = stack.demoUrl.replace("127.0.0.1", "localhost");
    const v = await seen(traceId);
    expect(v.refererPage).toBe(`${localhostUrl}/standard-popup.html`);
    expect(v.origin).toBe(localhostUrl);
    expect(v.refererOk).toBe(false);
    expect(v.refererReason).toContain("not a registered page address");
    const p = await panel(s);
    expect(p.refererVerdict).toBe("未登记");
    expect(p.code).toContain("170001");
    expect(await s.page.locator("#page-registered").textContent()).toBe("未登记");
  });

  it("an unregistered origin: the page address is registered, its origin is not → 110026 Origin 校验失败", async () => {
    // The demo registers http://localhost:<port>/standard-page.html as a referer but only the
    // 127.0.0.1 origin (demo/apps.ts ORIGIN_DEMO_PAGE).
    s = await newSession(browser, IPHONE);
    await openDemoPage(s, stack, {
      path: "/standard-page.html",
      query: { sim: E2E_SIMS.CM.id },
      host: "localhost",
    });
    const traceId = await pressLogin(s);
    const final = await s.rec.final();
    const cm = await preGetMobile(traceId);
    expect(cm.code).toBe("110026");
    expect(withoutTiming(final.payload)).toEqual({
      msgId: traceId,
      YDData: { code: "110026", message: cm.desc },
      ...SKIPPED,
    });
    expect(final.payload.YDData.message.startsWith("Origin 校验失败")).toBe(true);
    const v = await seen(traceId);
    expect([v.refererOk, v.originOk]).toEqual([true, false]);
    expect(v.origin).toBe(stack.demoUrl.replace("127.0.0.1", "localhost"));
    expect(v.originReason).toContain("not a registered origin");
    const p = await panel(s);
    expect([p.refererVerdict, p.originVerdict]).toEqual(["与登记一致", "未登记"]);
  });
});

describe("an integrator page on its own origin (registered), by referrer policy", () => {
  async function run(policy: ReferrerPolicyName): Promise<{ traceId: string; url: string }> {
    s = await newSession(browser, IPHONE);
    const url = `${stack.fixtures.url}/policy/${policy}.html`;
    await s.page.goto(`${url}?sim=${E2E_SIMS.CM.id}`);
    await s.page.waitForFunction(() => typeof (window as any).YDRZAuthLogin === "object");
    const traceId = await pressLogin(s);
    return { traceId, url };
  }

  it('with <meta name="referrer" content="always">: the full address is sent and the number is fetched', async () => {
    const { traceId, url } = await run("always");
    await view(s!, "standard-popup").waitFor({ state: "visible" });
    const v = await seen(traceId);
    expect(v.refererPage).toBe(url);
    expect([v.refererOk, v.originOk]).toEqual([true, true]);
    expect((await preGetMobile(traceId)).code).toBe("103000");
  });

  it("with no-referrer (an HTTPS page's cross-origin calls): no Referer at all → 170001, and the gateway says why", async () => {
    const { traceId } = await run("no-referrer");
    const final = await s!.rec.final();
    const cm = await preGetMobile(traceId);
    expect(withoutTiming(final.payload)).toEqual({
      msgId: traceId,
      YDData: { code: "170001", message: cm.desc },
      ...SKIPPED,
    });
    const v = await seen(traceId);
    expect(v.referer).toBeNull();
    // The Origin is still sent (CORS), and it is registered: only the Referer is missing.
    expect(v.origin).toBe(stack.fixtures.url);
    expect(v.originOk).toBe(true);
    // The explanation reaches the integrator in the error payload itself.
    expect(final.payload.YDData.message).toContain("no Referer");
    expect(final.payload.YDData.message).toContain('<meta name="referrer" content="always">');
  });

  it("with the browser's default policy: only the origin is sent as Referer → 170001 (not a page address)", async () => {
    const { traceId } = await run("default");
    const final = await s!.rec.final();
    const cm = await preGetMobile(traceId);
    expect(withoutTiming(final.payload)).toEqual({
      msgId: traceId,
      YDData: { code: "170001", message: cm.desc },
      ...SKIPPED,
    });
    const v = await seen(traceId);
    // strict-origin-when-cross-origin: "http://127.0.0.1:<port>/", which is no registered page.
    expect(v.referer).toBe(stack.fixtures.url + "/");
    expect(v.refererOk).toBe(false);
  });
});
