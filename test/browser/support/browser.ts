/**
 * Real-browser harness shared by every browser test: Debian's Chromium driven by
 * playwright-core (no browser download). One browser per test file, one fresh context per test
 * (cookies, cache and CORS preflight cache start empty), a phone-like viewport by default.
 *
 *   const b = await launchBrowser();            // beforeAll
 *   const { page, context } = await newMobilePage(b);   // in a test; close the context after
 *   await b.close();                            // afterAll
 *
 * The executable can be overridden with CHROMIUM_PATH.
 */
import type { Browser, BrowserContext, BrowserContextOptions, Page } from "playwright-core";

import { launchChromium as launchBrowser } from "../../../scripts/chromium.mjs";

export { launchBrowser };

/** A 390×844 phone at DPR 2 with touch, as an iPhone 12–15 reports itself. */
export const PHONE: BrowserContextOptions = {
  viewport: { width: 390, height: 844 },
  deviceScaleFactor: 2,
  isMobile: true,
  hasTouch: true,
  locale: "zh-CN",
};

/** The narrowest screen the views must fit (iPhone SE 1st gen). */
export const SMALL_PHONE: BrowserContextOptions = {
  ...PHONE,
  viewport: { width: 320, height: 568 },
};

/** A phone held sideways. */
export const LANDSCAPE_PHONE: BrowserContextOptions = {
  ...PHONE,
  viewport: { width: 844, height: 390 },
};

export async function newMobilePage(
  browser: Browser,
  options: BrowserContextOptions = {},
): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
  const context = await browser.newContext({ ...PHONE, ...options });
  const page = await context.newPage();
  // Page errors and console errors are collected so that a test can assert there were none.
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(String(e)));
  page.on("console", (m) => {
    if (m.type() === "error") errors.push(m.text());
  });
  return { context, page, errors };
}
