/**
 * The ways out of a view, at 320×568 (the smallest screen of the matrix): Escape cancels once,
 * broken images leave no broken-image icon (the buttons keep a drawn icon), and focus comes back
 * to a sensible control when the element that opened the view is gone.
 */
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { fileURLToPath } from "node:url";
import type { Browser, Page } from "playwright-core";
import { bundleForBrowser, launchBrowser, newMobilePage, startStaticServer } from "../support";
import type { StaticServer } from "../support";
import { seedPageOptions, seedPopupOptions } from "../../unit/views/helpers";
import { compileCss } from "../../../scripts/rollup-plugins.mjs";
import { hostPage, journeyShot, model, mountIn, routeSeedImages, SIZES } from "./helpers";

let browser: Browser;
let server: StaticServer;

beforeAll(async () => {
  const entry = fileURLToPath(new URL("../fixtures/views-entry.ts", import.meta.url));
  const code = await bundleForBrowser(entry, { __VERSION__: '"test"' }, compileCss);
  server = await startStaticServer();
  server.route("/", hostPage(false), "text/html; charset=utf-8");
  server.route("/views.js", code, "text/javascript; charset=utf-8");
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const calls = (page: Page) =>
  page.evaluate(
    () => (window as unknown as { ydrzViews: { calls: { type: string }[] } }).ydrzViews.calls,
  );

describe("journeys", () => {
  test("Escape cancels each modal view once and removes it", async () => {
    const { context, page, errors } = await newMobilePage(browser, { viewport: SIZES[0] });
    try {
      await routeSeedImages(context);
      const views = [
        model("standard-popup"),
        model("custom-popup-mask", { popupOptions: seedPopupOptions(true) }),
        model("custom-page", { pageOptions: seedPageOptions() }),
        model("standard-page"),
      ];
      for (const m of views) {
        await page.goto(server.url + "/");
        await mountIn(page, m);
        await page.waitForSelector(".ydrz-root [role=dialog]");
        await page.keyboard.press("Escape");
        await page.keyboard.press("Escape");
        expect(await calls(page)).toEqual([{ type: "cancel" }]);
        // The flow destroys the view on cancel.
        await page.evaluate(() =>
          (window as unknown as { ydrzViews: { view(): { destroy(): void } } }).ydrzViews
            .view()
            .destroy(),
        );
        expect(await page.locator(".ydrz-root").count()).toBe(0);
      }
      // Resource errors (the host page's favicon) are not the views' concern.
      expect(errors.filter((e) => !e.startsWith("Failed to load resource"))).toEqual([]);
    } finally {
      await context.close();
    }
  });

  test("broken logo, return arrow, close and check images leave no broken-image icon", async () => {
    const { context, page } = await newMobilePage(browser, { viewport: SIZES[0] });
    try {
      await routeSeedImages(context, true);
      const pageOptions = seedPageOptions();
      const broken = "https://www.cmpassport.com/missing.png";
      pageOptions.agreeStyle!.checkedButton!.uncheckUrl = broken;
      const popup = seedPopupOptions(true);
      popup.closeBtnStyle!.btnImage = broken;
      for (const m of [
        model("custom-page", { pageOptions }),
        model("custom-popup-mask", { popupOptions: popup }),
      ]) {
        await page.goto(server.url + "/");
        await mountIn(page, m);
        // Every image has settled (failed) and hidden itself.
        await page.waitForFunction(() => {
          const images = [...document.querySelectorAll<HTMLImageElement>(".ydrz-root img")];
          return images.length > 0 && images.every((img) => img.hidden);
        });
        const state = await page.evaluate(() => ({
          shownImages: [...document.querySelectorAll(".ydrz-root img")].filter(
            (img) => img.getClientRects().length > 0,
          ).length,
          // The buttons that lost their image show our drawn icon instead.
          iconless: [...document.querySelectorAll(".ydrz-close-btn, .ydrz-return-btn")].filter(
            (b) => !b.querySelector("svg")?.getClientRects().length,
          ).length,
          // The check box is drawn again (its border back).
          checkBorder: getComputedStyle(document.querySelector(".ydrz-check-box")!).borderTopWidth,
        }));
        expect(state).toEqual({ shownImages: 0, iconless: 0, checkBorder: "1px" });
        await journeyShot(page, "broken-images-" + m.kind);
      }
    } finally {
      await context.close();
    }
  });

  test("focus returns near the opener when the opener is gone or disabled, never to <body>", async () => {
    const { context, page } = await newMobilePage(browser, { viewport: SIZES[0] });
    try {
      for (const how of ["removed", "disabled"] as const) {
        await page.goto(server.url + "/");
        await mountIn(page, model("standard-popup"));
        await page.waitForSelector("#YDRZ_Modal");
        await page.evaluate((h) => {
          const login = document.getElementById("login") as HTMLButtonElement;
          // A link next to the opener: the sensible place once the opener is unusable.
          login.insertAdjacentHTML("afterend", '<a id="near" href="#near">其他方式</a>');
          if (h === "removed") login.remove();
          else login.disabled = true;
        }, how);
        await page.click("#YDRZ_Closebtn");
        await page.evaluate(() =>
          (window as unknown as { ydrzViews: { view(): { destroy(): void } } }).ydrzViews
            .view()
            .destroy(),
        );
        expect(await page.evaluate(() => document.activeElement?.id), how).toBe("near");
      }
    } finally {
      await context.close();
    }
  });
});
