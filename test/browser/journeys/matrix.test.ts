/**
 * The journey matrix: every view × five phone screens × {the seed's option objects, defaults},
 * with and without a stylesheet that states the official ydrz-layer.css rules (the official docs
 * tell integrators to link it). One page per view × options × stylesheet; the viewport is resized
 * in that page and each cell is measured in one `page.evaluate` (see `measure`): nothing
 * overflows the view or the viewport, nothing scrolls sideways, every control is at least
 * 44×44 px and is what a tap at its centre reaches (no mask, enlarged touch area or other layer
 * over it). Screenshots of every cell go to test-results/journeys/.
 */
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { bundleForBrowser, launchBrowser, newMobilePage, startStaticServer } from "../support";
import type { StaticServer } from "../support";
import type { ViewModel } from "../../../src/views/contract";
import { seedPageOptions, seedPopupOptions } from "../../unit/views/helpers";
import { compileCss } from "../../../scripts/rollup-plugins.mjs";
import { hostPage, journeyShot, model, mountIn, routeSeedImages, SIZES } from "./helpers";
import type { Size } from "./helpers";

let browser: Browser;
let server: StaticServer;

beforeAll(async () => {
  const entry = fileURLToPath(new URL("../fixtures/views-entry.ts", import.meta.url));
  const code = await bundleForBrowser(entry, { __VERSION__: '"test"' }, compileCss);
  const official = await readFile(
    fileURLToPath(new URL("../fixtures/official-layer-rules.css", import.meta.url)),
    "utf8",
  );
  server = await startStaticServer();
  server.route("/", hostPage(false), "text/html; charset=utf-8");
  server.route("/official", hostPage(true), "text/html; charset=utf-8");
  server.route("/ydrz-layer.css", official, "text/css; charset=utf-8");
  server.route("/views.js", code, "text/javascript; charset=utf-8");
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** One row of the matrix: a view drawn from one option set. */
interface Row {
  name: string;
  model: ViewModel;
  /** The custom popup without mask is drawn in the integrator's container. */
  container?: boolean;
  /** The element that is the view's box (the dialog or the page). */
  box: string;
}

const SEED_PAGE_OPTION = {
  pageTitle: "欢迎登录示例应用",
  agreeButtonText: "一键登录",
  agreeButtonColour: "#FF6A00",
  agreeTextColour: "#FF6A00",
  configBusinessName: "示例商城",
  customControlsConf: JSON.stringify([
    { name: "短信验证码登录", url: "/sms" },
    { name: "账号密码登录", url: "/pwd" },
  ]),
};

const ROWS: Row[] = [
  {
    name: "standard-popup-seed",
    model: model("standard-popup", {
      pageOption: SEED_PAGE_OPTION,
      privacyLinks: [{ name: "《示例隐私政策》", url: "https://example.com/privacy" }],
    }),
    box: "#YDRZ_Modal",
  },
  { name: "standard-popup-defaults", model: model("standard-popup"), box: "#YDRZ_Modal" },
  {
    name: "custom-popup-seed",
    model: model("custom-popup", { popupOptions: seedPopupOptions(false) }),
    container: true,
    box: "#YDRZ_Modal_two",
  },
  {
    name: "custom-popup-defaults",
    model: model("custom-popup", { popupOptions: {} }),
    container: true,
    box: "#YDRZ_Modal_two",
  },
  {
    name: "custom-popup-mask-seed",
    model: model("custom-popup-mask", { popupOptions: seedPopupOptions(true) }),
    box: "#YDRZ_Modal_two",
  },
  {
    name: "custom-popup-mask-defaults",
    model: model("custom-popup-mask", { popupOptions: { maskStyle: { ifShowMask: true } } }),
    box: "#YDRZ_Modal_two",
  },
  { name: "standard-page-seed", model: model("standard-page"), box: ".ydrz-page" },
  {
    name: "standard-page-defaults",
    model: model("standard-page", { authLevel: "1", carrier: "CT", maskPhone: "189****5678" }),
    box: ".ydrz-page",
  },
  {
    name: "custom-page-seed",
    model: model("custom-page", { pageOptions: seedPageOptions() }),
    box: ".ydrz-page",
  },
  {
    name: "custom-page-defaults",
    model: model("custom-page", { pageOptions: {} }),
    box: ".ydrz-page",
  },
];

/** What one cell measured (see `measure`). */
interface Cell {
  /** Elements of the view whose box sticks out of the view's box or the viewport's width. */
  outside: string[];
  /** A floating popup whose margins to the screen's edges differ. */
  offCentre: string[];
  /** Digit cells under the toast. */
  underToast: string[];
  /** The document or the view's own scroller scrolls sideways. */
  sideways: string[];
  /** Controls whose touch target is under 44×44 px. */
  small: string[];
  /** Controls that a tap at their centre does not reach (something else is on top). */
  covered: string[];
}

/**
 * Measures the open view in the page (runs in the browser; self-contained). A control's touch
 * target is its box grown by its `::after` hit area (centred on it, as styles/ydrz.css draws it).
 * Agreement links inside the text are inline targets (WCAG 2.5.8 exempts them from the size).
 */
function measure({ boxSelector, floating }: { boxSelector: string; floating: boolean }): Cell {
  const cell: Cell = {
    outside: [],
    offCentre: [],
    underToast: [],
    sideways: [],
    small: [],
    covered: [],
  };
  const box = document.querySelector(boxSelector) as HTMLElement;
  const name = (el: Element): string =>
    el.tagName.toLowerCase() + (el.id ? "#" + el.id : "") + "." + [...el.classList].join(".");
  const vw = document.documentElement.clientWidth;
  const viewRoot = box.closest(".ydrz-root") as HTMLElement;
  const scrollers = [document.documentElement, viewRoot];
  for (const s of scrollers) {
    if (s.scrollWidth > s.clientWidth + 1) cell.sideways.push(name(s) + " " + s.scrollWidth);
  }
  const b = box.getBoundingClientRect();
  for (const el of [box, viewRoot]) {
    const r = el.getBoundingClientRect();
    if (r.left < -0.5 || r.right > vw + 0.5) cell.outside.push(`${name(el)} ${r.left}…${r.right}`);
  }
  if (floating && Math.abs(b.left - (vw - b.right)) > 1) {
    cell.offCentre.push(`left ${b.left} right ${vw - b.right}`);
  }
  // A box that scrolls (the custom popup: its content box) holds its content over its whole
  // scroll height.
  const scroller = box.querySelector(".ydrz-layer-body") ?? box;
  const top = b.top - scroller.scrollTop;
  const bottom = top + Math.max(scroller.scrollHeight, b.height);
  const shown = (el: Element): boolean => {
    const r = el.getBoundingClientRect();
    return r.width > 0 && r.height > 0 && getComputedStyle(el).visibility !== "hidden";
  };
  for (const el of box.querySelectorAll("*")) {
    // Icons are measured through the button that holds them.
    if (!shown(el) || el instanceof SVGElement) continue;
    // The close button hangs over the popup's corner by design (negative top/right options).
    if (el.closest(".ydrz-close-btn")) continue;
    const r = el.getBoundingClientRect();
    const outOfView =
      r.left < b.left - 0.5 ||
      r.right > b.right + 0.5 ||
      r.top < top - 0.5 ||
      r.bottom > bottom + 0.5;
    if (outOfView || r.left < -0.5 || r.right > vw + 0.5) {
      cell.outside.push(`${name(el)} [${r.left},${r.top},${r.right},${r.bottom}]`);
    }
  }
  const toast = document.querySelector("#YDRZToast");
  if (toast) {
    const t = toast.getBoundingClientRect();
    for (const digit of box.querySelectorAll(".ydrz-digit")) {
      const d = digit.getBoundingClientRect();
      const apart =
        d.right <= t.left || d.left >= t.right || d.bottom <= t.top || d.top >= t.bottom;
      if (!apart)
        cell.underToast.push(`${name(digit)} under [${t.left},${t.top},${t.right},${t.bottom}]`);
    }
  }
  const controls = [
    ...box.querySelectorAll<HTMLElement>(
      "button,a[href]:not(.ydrz-agree-link),.ydrz-check,[role=group]",
    ),
  ].filter(shown);
  for (const el of controls) {
    const r = el.getBoundingClientRect();
    const after = getComputedStyle(el, "::after");
    const grow = (size: string): number => (after.content === "none" ? 0 : parseFloat(size) || 0);
    const w = Math.max(r.width, grow(after.width));
    const hgt = Math.max(r.height, grow(after.height));
    if (w < 43.5 || hgt < 43.5) cell.small.push(`${name(el)} ${w}×${hgt}`);
    // A control scrolled away is brought into view first (the view scrolls inside itself).
    el.scrollIntoView({ block: "nearest" });
    const c = el.getBoundingClientRect();
    const hit = document.elementFromPoint(c.left + c.width / 2, c.top + c.height / 2);
    // The number's group is reached through any of its cells.
    if (!hit || !(el === hit || el.contains(hit))) {
      cell.covered.push(name(el) + " under " + (hit ? name(hit) : "nothing"));
    }
  }
  return cell;
}

async function openRow(page: Page, row: Row, official: boolean, size: Size): Promise<void> {
  await page.setViewportSize(size);
  await page.goto(server.url + (official ? "/official" : "/"));
  await mountIn(page, row.model, row.container);
  await page.waitForSelector(row.box, { state: "visible" });
}

async function cellsOf(context: BrowserContext, page: Page, row: Row, official: boolean) {
  await routeSeedImages(context);
  await openRow(page, row, official, SIZES[0]);
  const failures: Record<string, Partial<Cell>> = {};
  for (const size of SIZES) {
    await page.setViewportSize(size);
    await page.waitForFunction((w) => document.documentElement.clientWidth === w, size.width);
    // A toast ("未补齐4位号码") is up in every cell: it must leave the digit cells clear.
    await page.evaluate(() => {
      const harness = (window as unknown as { ydrzViews: { view(): { toast(t: string): void } } })
        .ydrzViews;
      harness.view().toast("未补齐4位号码");
    });
    await journeyShot(
      page,
      `${row.name}${official ? "-official" : ""}-${size.width}x${size.height}`,
    );
    const floating = row.model.kind.endsWith("popup")
      ? !row.container
      : row.model.kind === "custom-popup-mask";
    const cell = await page.evaluate(measure, { boxSelector: row.box, floating });
    const bad = Object.entries(cell).filter(([, list]) => list.length > 0);
    if (bad.length) failures[`${size.width}x${size.height}`] = Object.fromEntries(bad);
    // A cell scrolled while measuring: the next one starts from the top.
    await page.evaluate((sel) => {
      const root = document.querySelector(sel)!.closest(".ydrz-root")!;
      root.scrollTop = 0;
      window.scrollTo(0, 0);
    }, row.box);
  }
  return failures;
}

describe("journey matrix: no overflow, 44 px targets, every control reachable", () => {
  for (const official of [false, true]) {
    for (const row of ROWS) {
      test(`${row.name}${official ? " with the official stylesheet" : ""}`, async () => {
        // 1×: quicker screenshots, and the contact sheet needs no more.
        const { context, page, errors } = await newMobilePage(browser, { deviceScaleFactor: 1 });
        try {
          const failures = await cellsOf(context, page, row, official);
          expect(failures).toEqual({});
          expect(errors).toEqual([]);
        } finally {
          await context.close();
        }
      });
    }
  }
});
