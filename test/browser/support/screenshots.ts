/**
 * Screenshots go to `test-results/screenshots/` at the repository root (ignored by git);
 * the ones worth keeping are copied to docs/screenshots by hand.
 */
import { mkdirSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import type { Page } from "playwright-core";

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../../..");
export const SCREENSHOT_DIR = join(REPO_ROOT, "test-results", "screenshots");

/** Saves a viewport screenshot as `<name>.png` and returns its path. */
export async function screenshot(page: Page, name: string, fullPage = false): Promise<string> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const path = join(SCREENSHOT_DIR, `${name.replace(/[^\w.-]+/g, "_")}.png`);
  await page.screenshot({ path, fullPage });
  return path;
}
