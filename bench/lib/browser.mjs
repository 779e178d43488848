// Debian Chromium through playwright-core (never a downloaded browser), and CDP helpers.

export { launchChromium as launchBrowser } from "../../scripts/chromium.mjs";

/** A fresh context + page with a CDP session; CPU throttled when `cpuRate` > 1. */
export async function openPage(
  browser,
  { cpuRate = 1, viewport = { width: 390, height: 844 } } = {},
) {
  const context = await browser.newContext({ viewport, deviceScaleFactor: 1 });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  if (cpuRate > 1) await cdp.send("Emulation.setCPUThrottlingRate", { rate: cpuRate });
  return {
    context,
    page,
    cdp,
    async close() {
      await context.close().catch(() => {});
    },
  };
}

/** Rejects after `ms` with `what` in the message (every wait in the bench is bounded). */
export function within(ms, promise, what) {
  let t;
  const timeout = new Promise((_, reject) => {
    t = setTimeout(() => reject(new Error(`${what}: no result within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(t));
}
