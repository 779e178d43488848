/**
 * Shared by the journey tests: the host page (optionally linking the official stylesheet's
 * rules), the screens of the matrix, a view model, mounting through the views harness and the
 * screenshots of test-results/journeys/.
 */
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import type { BrowserContext, Page } from "playwright-core";
import { REPO_ROOT } from "../support";
import type { ViewModel } from "../../../src/views/contract";

export { model } from "../../unit/views/helpers";

/** A screen of the matrix. */
export interface Size {
  width: number;
  height: number;
}

/** Four phones held upright and one held sideways. */
export const SIZES: Size[] = [
  { width: 320, height: 568 },
  { width: 360, height: 640 },
  { width: 390, height: 844 },
  { width: 414, height: 896 },
  { width: 844, height: 390 },
];

export const JOURNEY_DIR = join(REPO_ROOT, "test-results", "journeys");

/** The integrator's page; `official`: it links ydrz-layer.css as the official docs say. */
export function hostPage(official: boolean): string {
  const link = official ? '<link rel="stylesheet" href="/ydrz-layer.css">' : "";
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1, viewport-fit=cover">
<title>集成方页面</title>${link}
<style>body{margin:0;font:16px sans-serif} header{padding:16px;background:#f3f4f6}
#ydrzCustomControls{margin:16px}</style>
</head><body>
<header><h1>集成方页面</h1><button id="login">一键登录</button></header>
<main><div id="ydrzCustomControls"></div><p>正文</p></main>
<script src="/views.js"></script>
</body></html>`;
}

/** Focuses the login button (the opener) and mounts the view through the harness. */
export async function mountIn(page: Page, m: ViewModel, container?: boolean): Promise<void> {
  await page.waitForFunction(() => "ydrzViews" in window);
  await page.evaluate(() => document.getElementById("login")!.focus({ preventScroll: true }));
  // Serialised by hand: the model's deep types make playwright's argument typing recurse.
  const json = JSON.stringify({ model: m, container: Boolean(container) });
  await page.evaluate((arg: string) => {
    const { model: mm, container: inside } = JSON.parse(arg);
    const harness = (window as unknown as { ydrzViews: { mount: (...a: unknown[]) => void } })
      .ydrzViews;
    harness.mount(mm, inside ? "ydrzCustomControls" : undefined);
  }, json);
}

/** The seed's logo and return icon live on the carrier's host: answered locally. */
export async function routeSeedImages(context: BrowserContext, broken = false): Promise<void> {
  const svg = (body: string) =>
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24">${body}</svg>`;
  await context.route("https://www.cmpassport.com/**", (route) => {
    if (broken) return route.fulfill({ status: 404, contentType: "text/plain", body: "" });
    const url = route.request().url();
    const body = url.includes("returnIcon")
      ? svg('<path d="M17 2 7 12l10 10" fill="none" stroke="#444" stroke-width="3"/>')
      : svg('<rect width="24" height="24" rx="5" fill="#1B82EB"/>');
    return route.fulfill({ status: 200, contentType: "image/svg+xml", body });
  });
}

/** Saves a viewport screenshot to test-results/journeys/<name>.png. */
export async function journeyShot(page: Page, name: string): Promise<string> {
  mkdirSync(JOURNEY_DIR, { recursive: true });
  const path = join(JOURNEY_DIR, name.replace(/[^\w.-]+/g, "_") + ".png");
  await page.screenshot({ path });
  return path;
}
