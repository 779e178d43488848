/**
 * Drop-in compatibility: a page written exactly as seed 003 §3.1–3.2 tells integrators (the
 * crypto-js tag, which our UMD does not need but must live beside, the jssdk tag now serving our
 * UMD, the ydrz-layer.css link, the getTokenInfo call) logs in unchanged; an SPA that imports the
 * package by name and is bundled as SPAs are (rollup + node-resolve) logs in with the promise
 * API; and the demo's own ESM page, imported without a bundler, works too.
 */
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  agree,
  ANY_VIEW,
  DEVICES,
  enterDigitsOnKeypad,
  expectLoggedIn,
  FIXTURES,
  hiddenDigits,
  E2E_SIMS,
  newSession,
  pressLogin,
  screenshot,
  submit,
  view,
  type Session,
  browser,
  stack,
  useE2e,
} from "./harness";

let s: Session | undefined;

/** Bundles fixtures/spa-entry.js the way an SPA's build would, resolving the package to dist/. */
async function bundleSpa(root: string): Promise<string> {
  const { rollup } = await import("rollup");
  const { default: resolve } = await import("@rollup/plugin-node-resolve");
  const entry = join(FIXTURES, "spa-entry.js");
  const bundle = await rollup({
    input: entry,
    onwarn: () => undefined,
    plugins: [
      {
        // `"ydrz-jssdk"` is this package: what node_modules/ydrz-jssdk would resolve to (exports
        // "." → import → dist/index.mjs), taken from the suite's snapshot of dist/.
        name: "self-reference",
        resolveId: (id) => (id === "ydrz-jssdk" ? join(root, "dist/index.mjs") : null),
      },
      resolve({ browser: true, rootDir: root }),
    ],
  });
  const { output } = await bundle.generate({ format: "es" });
  await bundle.close();
  return output[0].code;
}

useE2e(async (stack) => {
  stack.fixtures.set("/spa.js", await bundleSpa(stack.root), "text/javascript; charset=utf-8");
});

describe.each(DEVICES)("$name", (device) => {
  it("the seed 003 §3.1–3.2 page, unchanged, logs in with our UMD (standard page, default SIM)", async () => {
    s = await newSession(browser, device);
    await s.page.goto(`${stack.fixtures.url}/seed/mobile.html`);
    await s.page.waitForFunction(() => typeof (window as any).YDRZAuthLogin === "object");
    // One global from the UMD; crypto-js.js keeps its own CryptoJS global and nothing breaks.
    const globals = await s.page.evaluate(() => ({
      sdk: typeof (window as any).YDRZAuthLogin.getTokenInfo,
      version: (window as any).YDRZAuthLogin.version,
      cryptoJs: typeof (window as any).CryptoJS,
      leaked: ["keyBoard", "EventUtil"].filter((k) => k in window),
    }));
    expect(globals).toEqual({
      sdk: "function",
      version: expect.stringMatching(/^\d+\.\d+\.\d+/),
      cryptoJs: "object",
      leaked: [],
    });

    const traceId = await pressLogin(s);
    await view(s, "standard-page").waitFor({ state: "visible" });
    // expandParams '' (as in the seed): the emulator's default SIM, 13800001234.
    const number = "13800001234";
    await enterDigitsOnKeypad(s, "standard-page", hiddenDigits(number));
    await agree(s, "standard-page");
    await screenshot(s, "seed-dropin");
    await submit(s, "standard-page");
    // The page's own success callback posted the token to its server, which returned the number.
    await expect
      .poll(() => s!.page.locator("#phone").textContent(), { timeout: 30_000 })
      .toBe(number);
    const finals = s.rec.finals();
    expect(finals.map((e) => e.kind)).toEqual(["success"]);
    expect(finals[0].payload).toMatchObject({ code: "103000", msgId: traceId });
    await expect.poll(() => s!.page.locator(ANY_VIEW).count()).toBe(0);
    // The CSS is present once: the seed's <link> plus at most one injected copy, never more.
    const injected = await s.page.evaluate(
      () =>
        [...document.querySelectorAll("style")].filter((st) =>
          (st.textContent ?? "").includes(".ydrz-"),
        ).length,
    );
    expect(injected).toBeLessThanOrEqual(1);
    expect(s.rec.pageErrors).toEqual([]);
    expect(s.rec.external).toEqual([]);
  });

  it("an SPA bundle importing the package by name logs in with getToken() (promise form)", async () => {
    const sim = E2E_SIMS.CU;
    s = await newSession(browser, device);
    await s.page.goto(`${stack.fixtures.url}/spa.html?sim=${sim.id}`);
    await s.page.waitForFunction(() => (window as any).__spa !== undefined);
    expect(await s.page.evaluate(() => (window as any).__spa.version)).toMatch(/^\d+\.\d+\.\d+/);
    // The ESM build defines no global (the recorder's accessor exists, but nothing set it).
    expect(await s.page.evaluate(() => (window as any).YDRZAuthLogin)).toBeUndefined();

    const traceId = await pressLogin(s);
    await view(s, "standard-popup").waitFor({ state: "visible" });
    await enterDigitsOnKeypad(s, "standard-popup", hiddenDigits(sim.number));
    await agree(s, "standard-popup");
    await screenshot(s, "spa-bundle");
    await submit(s, "standard-popup");
    await expect
      .poll(() => s!.page.locator("#phone").textContent(), { timeout: 30_000 })
      .toBe(sim.number);
    const results = s.rec.of("getToken");
    expect(results.map((e) => e.kind)).toEqual(["success"]);
    expect(results[0].payload).toMatchObject({ code: "103000", msgId: traceId });
    expect(s.rec.pageErrors).toEqual([]);
  });

  it("the SPA's promise rejects with a YDRZError carrying the payload when the user closes the popup", async () => {
    s = await newSession(browser, device);
    await s.page.goto(`${stack.fixtures.url}/spa.html?sim=${E2E_SIMS.CM.id}`);
    await s.page.waitForFunction(() => (window as any).__spa !== undefined);
    const traceId = await pressLogin(s);
    await view(s, "standard-popup").waitFor({ state: "visible" });
    await s.page.locator("#YDRZ_Closebtn").tap();
    const rejected = await s.rec.next("getToken", "error");
    expect(rejected.payload).toEqual({
      name: "YDRZError",
      isYDRZError: true,
      code: "501",
      message: "用户取消授权",
      msgId: traceId,
    });
    await expect.poll(() => s!.page.locator(ANY_VIEW).count()).toBe(0);
  });

  it("the demo's ESM page (no bundler, no import map) logs in", async () => {
    const sim = E2E_SIMS.CM;
    s = await newSession(browser, device);
    const esmErrors: string[] = [];
    s.page.on("console", (m) => {
      if (m.type() === "error") esmErrors.push(m.text());
    });
    // The ESM page defines no window.YDRZAuthLogin, so openDemoPage's wait does not apply.
    await s.page.goto(`${stack.demoUrl}/spa.html?sim=${sim.id}`);
    await s.page.waitForFunction(
      () => (window as any).Demo && (window as any).Demo.config() !== null,
    );
    await expect.poll(() => s!.page.locator("#sdk-version").textContent()).not.toContain("加载中");
    await pressLogin(s);
    await view(s, "standard-popup").waitFor({ state: "visible" });
    await enterDigitsOnKeypad(s, "standard-popup", hiddenDigits(sim.number));
    await agree(s, "standard-popup");
    await submit(s, "standard-popup");
    await expectLoggedIn(s, sim.number);
    // The demo logs each callback: exactly one success, no error.
    expect(await s.page.locator("#log li.log-success").count()).toBe(1);
    expect(await s.page.locator("#log li.log-error").count()).toBe(0);
    expect(esmErrors).toEqual([]);
    expect(s.rec.pageErrors).toEqual([]);
  });
});
