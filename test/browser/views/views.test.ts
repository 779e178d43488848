/**
 * The views in Chromium: each drawn from the seed's own option objects and from defaults, at
 * 390×844, 320×568 and landscape; screenshots in test-results/screenshots/; focus trap,
 * Escape, scroll lock, keypad, keyboard and paste entry, touch target sizes, no requests.
 */
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { fileURLToPath } from "node:url";
import type { Browser, BrowserContext, Page } from "playwright-core";
import {
  bundleForBrowser,
  LANDSCAPE_PHONE,
  launchBrowser,
  newMobilePage,
  screenshot,
  SMALL_PHONE,
  startStaticServer,
  type StaticServer,
} from "../support";
import type { ViewModel } from "../../../src/views/contract";
import { seedPageOptions, seedPopupOptions } from "../../unit/views/helpers";
import { compileCss } from "../../../scripts/rollup-plugins.mjs";

let browser: Browser;
let server: StaticServer;

const HOST_PAGE = `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>host</title>
<style>html{font-size:20px} body{margin:0;font:16px sans-serif} header{padding:16px;background:#f3f4f6}
.filler{height:2000px;background:linear-gradient(#fff,#dde)} #ydrzCustomControls{margin:16px 0}</style>
</head><body>
<header><h1>集成方页面</h1><button id="login">一键登录</button> <a id="other" href="#x">其他链接</a></header>
<div id="ydrzCustomControls"></div>
<div class="filler"></div>
<script src="/views.js"></script>
</body></html>`;

beforeAll(async () => {
  const entry = fileURLToPath(new URL("../fixtures/views-entry.ts", import.meta.url));
  // The CSS goes through the build's own PostCSS pipeline (autoprefixer + cssnano): the
  // screenshots show what ships.
  const code = await bundleForBrowser(entry, { __VERSION__: '"test"' }, compileCss);
  server = await startStaticServer();
  server.route("/", HOST_PAGE, "text/html; charset=utf-8");
  server.route("/views.js", code, "text/javascript; charset=utf-8");
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

function model(kind: ViewModel["kind"], extra: Partial<ViewModel> = {}): ViewModel {
  return {
    kind,
    carrier: "CM",
    maskPhone: "138****1234",
    authLevel: "4",
    appName: "示例应用",
    privacyLinks: [],
    ...extra,
  };
}

/** Opens the host page, focuses the login button (focus must come back to it) and mounts. */
async function open(
  page: Page,
  m: ViewModel,
  opts: { scrollTo?: number; container?: boolean; before?: () => Promise<unknown> } = {},
): Promise<void> {
  await page.goto(server.url + "/");
  await page.waitForFunction(() => "ydrzViews" in window);
  await page.evaluate(() => document.getElementById("login")!.focus({ preventScroll: true }));
  if (opts.scrollTo) {
    await page.evaluate((y) => window.scrollTo(0, y), opts.scrollTo);
    await page.waitForFunction((y) => window.scrollY === y, opts.scrollTo);
  }
  await opts.before?.();
  // Serialised by hand: the model's deep types make playwright's argument typing recurse.
  const json = JSON.stringify({ model: m, container: Boolean(opts.container) });
  await page.evaluate((arg: string) => {
    const { model: mm, container } = JSON.parse(arg);
    (window as any).ydrzViews.mount(mm, container ? "ydrzCustomControls" : undefined);
  }, json);
}

/** The seed's logo and return icon live on the carrier's host: answer them locally. */
async function routeSeedImages(context: BrowserContext): Promise<void> {
  const svg = (body: string) =>
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24">${body}</svg>`;
  await context.route("https://www.cmpassport.com/**", (route) => {
    const url = route.request().url();
    const body = url.includes("returnIcon")
      ? svg('<path d="M17 2 7 12l10 10" fill="none" stroke="#444" stroke-width="3"/>')
      : svg(
          '<rect width="24" height="24" rx="5" fill="#1B82EB"/><path d="M7 12.5l3.5 3.5L17 9" fill="none" stroke="#fff" stroke-width="2.4"/>',
        );
    return route.fulfill({ status: 200, contentType: "image/svg+xml", body });
  });
}

const calls = (page: Page) =>
  page.evaluate(() => (window as any).ydrzViews.calls as { type: string; digits?: string }[]);

async function noHorizontalOverflow(page: Page, selector: string): Promise<void> {
  const r = await page.evaluate((sel) => {
    const el = document.querySelector(sel)!.getBoundingClientRect();
    return { left: el.left, right: el.right, vw: document.documentElement.clientWidth };
  }, selector);
  expect(r.left).toBeGreaterThanOrEqual(0);
  expect(r.right).toBeLessThanOrEqual(r.vw + 0.5);
}

describe("rendering from the seed's options and from defaults", () => {
  const cases: { name: string; model: ViewModel; container?: boolean; dialog: string }[] = [
    { name: "standard-popup-level4", model: model("standard-popup"), dialog: "#YDRZ_Modal" },
    {
      name: "standard-popup-pageoption-level1",
      model: model("standard-popup", {
        authLevel: "1",
        pageOption: {
          pageTitle: "欢迎登录示例应用",
          agreeButtonText: "一键登录",
          agreeButtonColour: "#FF6A00",
          agreeTextColour: "#FF6A00",
          configBusinessName: "示例商城",
          customControlsConf: JSON.stringify([
            { name: "短信验证码登录", url: "/sms" },
            { name: "账号密码登录", url: "/pwd" },
          ]),
        },
        privacyLinks: [{ name: "《示例隐私政策》", url: "https://example.com/privacy" }],
      }),
      dialog: "#YDRZ_Modal",
    },
    {
      name: "custom-popup-mask-seed",
      model: model("custom-popup-mask", { popupOptions: seedPopupOptions(true) }),
      dialog: "#YDRZ_Modal_two",
    },
    {
      name: "custom-popup-mask-defaults",
      model: model("custom-popup-mask", { popupOptions: { maskStyle: { ifShowMask: true } } }),
      dialog: "#YDRZ_Modal_two",
    },
    {
      name: "custom-popup-inline-seed",
      model: model("custom-popup", { popupOptions: seedPopupOptions(false) }),
      container: true,
      dialog: "#YDRZ_Modal_two",
    },
    {
      name: "custom-popup-mask-level1",
      model: model("custom-popup-mask", {
        authLevel: "1",
        popupOptions: { maskStyle: { ifShowMask: "true" } },
      }),
      dialog: "#YDRZ_Modal_two",
    },
    {
      name: "custom-page-seed",
      model: model("custom-page", { pageOptions: seedPageOptions() }),
      dialog: ".ydrz-page",
    },
    { name: "standard-page", model: model("standard-page"), dialog: ".ydrz-page" },
    {
      name: "standard-page-level1-CT",
      model: model("standard-page", { authLevel: "1", carrier: "CT", maskPhone: "189****5678" }),
      dialog: ".ydrz-page",
    },
  ];

  for (const c of cases) {
    test(c.name, async () => {
      for (const [suffix, ctx] of [
        ["", {}],
        ["-320", SMALL_PHONE],
        ["-landscape", LANDSCAPE_PHONE],
      ] as const) {
        const { context, page, errors } = await newMobilePage(browser, ctx);
        await routeSeedImages(context);
        try {
          await open(page, c.model, { container: c.container });
          await page.waitForSelector(c.dialog, { state: "visible" });
          await screenshot(page, c.name + suffix);
          if (
            !c.model.kind.startsWith("custom-page") &&
            !c.model.kind.startsWith("standard-page")
          ) {
            await noHorizontalOverflow(page, c.dialog);
          }
          const hasOverflow = await page.evaluate(() => {
            const root = document.querySelector(".ydrz-root:not(.ydrz-toast-wrap)") as HTMLElement;
            const scroller = root.classList.contains("ydrz-page-wrap")
              ? root
              : document.documentElement;
            return scroller.scrollWidth > scroller.clientWidth + 1;
          });
          expect(hasOverflow).toBe(false);
          // Image URLs of the seed's options point at the carrier's host, answered by route() below.
          expect(errors.filter((e) => !e.includes("Failed to load resource"))).toEqual([]);
        } finally {
          await context.close();
        }
      }
    });
  }

  test("border and colour options as Chromium's own style engine judges them", async () => {
    const { context, page } = await newMobilePage(browser);
    try {
      const warnings: string[] = [];
      page.on("console", (m) => {
        if (m.type() === "warning") warnings.push(m.text());
      });
      const control = (border: string, fontColor: string) => ({
        ifShow: true,
        name: "其他登录方式",
        border,
        fontColor,
      });
      await open(
        page,
        model("custom-popup-mask", {
          popupOptions: {
            maskStyle: { ifShowMask: true },
            customControlStyle: control("none", "hsl(120 50% 50%)"),
          },
        }),
      );
      const style = () =>
        page.$eval(".ydrz-custom-control", (el) => [
          (el as HTMLElement).style.borderTopStyle,
          (el as HTMLElement).style.color,
        ]);
      // Chrome reads an accepted `border: none` back as "": it is still accepted.
      expect(await style()).toEqual(["none", "rgb(64, 191, 64)"]);
      expect(warnings).toEqual([]);
      await open(
        page,
        model("custom-popup-mask", {
          popupOptions: {
            maskStyle: { ifShowMask: true },
            customControlStyle: control("1px solid #FFFFF", "#GGG"),
          },
        }),
      );
      expect(await style()).toEqual(["", "rgb(27, 130, 235)"]);
      expect(warnings).toHaveLength(2);
    } finally {
      await context.close();
    }
  });

  test("painting makes no network request (icons are inline)", async () => {
    const { context, page } = await newMobilePage(browser);
    try {
      const before = server.requests.length;
      await open(
        page,
        model("custom-popup-mask", { popupOptions: { maskStyle: { ifShowMask: true } } }),
      );
      await page.waitForSelector("#YDRZ_Modal_two");
      await page.evaluate(() => new Promise(requestAnimationFrame));
      const made = server.requests
        .slice(before)
        .filter((p) => p !== "/" && p !== "/views.js" && p !== "/favicon.ico");
      expect(made).toEqual([]);
    } finally {
      await context.close();
    }
  });
});

describe("dialog behaviour", () => {
  test("focus moves in, Tab stays inside, Escape cancels, focus returns to the opener", async () => {
    const { context, page } = await newMobilePage(browser);
    try {
      await open(page, model("standard-popup"));
      await page.waitForFunction(() => document.activeElement?.id === "YDRZ_Modal");
      const seen = new Set<string>();
      for (let i = 0; i < 14; i++) {
        await page.keyboard.press("Tab");
        const inside = await page.evaluate(() => {
          const a = document.activeElement as HTMLElement;
          return { inside: !!a.closest("#YDRZ_Modal"), id: a.id || a.className };
        });
        expect(inside.inside).toBe(true);
        seen.add(inside.id);
      }
      expect(seen.has("YDRZ_Closebtn")).toBe(true);
      expect(seen.has("inputVal0")).toBe(true);
      expect(seen.has("YDRZ_Submitbtn")).toBe(true);
      for (let i = 0; i < 6; i++) {
        await page.keyboard.press("Shift+Tab");
        expect(await page.evaluate(() => !!document.activeElement?.closest("#YDRZ_Modal"))).toBe(
          true,
        );
      }
      // The host page is inert and hidden from assistive technology.
      expect(await page.getAttribute("header", "aria-hidden")).toBe("true");
      expect(
        await page.evaluate(() => document.querySelector("header")!.hasAttribute("inert")),
      ).toBe(true);
      await page.keyboard.press("Escape");
      expect(await calls(page)).toEqual([{ type: "cancel" }]);
      await page.evaluate(() => (window as any).ydrzViews.view().destroy());
      await page.waitForFunction(() => document.activeElement?.id === "login");
      expect(
        await page.evaluate(() => document.querySelector("header")!.hasAttribute("inert")),
      ).toBe(false);
      expect(await page.getAttribute("header", "aria-hidden")).toBeNull();
      expect(await page.locator(".ydrz-root").count()).toBe(0);
    } finally {
      await context.close();
    }
  });

  test("the labelled title names the dialog", async () => {
    const { context, page } = await newMobilePage(browser);
    try {
      await open(page, model("standard-popup"));
      const name = await page.evaluate(() => {
        const d = document.getElementById("YDRZ_Modal")!;
        return document.getElementById(d.getAttribute("aria-labelledby")!)!.textContent;
      });
      expect(name).toBe("本机号码登录");
      expect(await page.getAttribute("#YDRZ_Modal", "aria-modal")).toBe("true");
    } finally {
      await context.close();
    }
  });

  test("scroll is locked while open and restored exactly after", async () => {
    for (const kind of ["standard-popup", "custom-page", "custom-popup-mask"] as const) {
      const { context, page } = await newMobilePage(browser);
      try {
        await open(page, model(kind, { popupOptions: { maskStyle: { ifShowMask: true } } }), {
          scrollTo: 700,
          before: () =>
            page.evaluate(() => {
              document.body.style.setProperty("overflow", "visible");
              document.body.style.setProperty("top", "3px", "important");
            }),
        });
        const locked = await page.evaluate(() => ({
          position: getComputedStyle(document.body).position,
          top: document.body.style.top,
        }));
        expect(locked).toEqual({ position: "fixed", top: "-700px" });
        // Wheel over the view does not scroll the page behind.
        await page.mouse.wheel(0, 400);
        await page.evaluate(() => new Promise(requestAnimationFrame));
        expect(await page.evaluate(() => document.body.getBoundingClientRect().top)).toBe(-700);
        await page.evaluate(() => (window as any).ydrzViews.view().destroy());
        await page.waitForFunction(() => window.scrollY === 700);
        const restored = await page.evaluate(() => ({
          overflow: document.body.style.getPropertyValue("overflow"),
          top: document.body.style.getPropertyValue("top"),
          topPriority: document.body.style.getPropertyPriority("top"),
          position: document.body.style.position,
          html: document.documentElement.getAttribute("style"),
        }));
        expect(restored).toEqual({
          overflow: "visible",
          top: "3px",
          topPriority: "important",
          position: "",
          html: null,
        });
      } finally {
        await context.close();
      }
    }
  });
});

describe("digit entry", () => {
  test("keypad by touch: opens on tap, types, deletes, closes when complete, pads the view", async () => {
    const { context, page } = await newMobilePage(browser);
    try {
      await open(page, model("custom-popup-mask", { popupOptions: seedPopupOptions(true) }));
      await page.tap("#YDRZ_InputPhone_two");
      await page.waitForSelector("#qs-keyboard-id", { state: "visible" });
      expect(await page.getAttribute("#customInput0", "inputmode")).toBe("none");
      await screenshot(page, "custom-popup-mask-keypad");
      // The popup moved up clear of the keypad.
      const clear = await page.evaluate(() => {
        const pop = document.getElementById("YDRZ_Modal_two")!.getBoundingClientRect();
        const pad = document.querySelector(".qs-key-board-wrap")!.getBoundingClientRect();
        return pop.bottom <= pad.top + 1;
      });
      expect(clear).toBe(true);
      for (const k of ["1", "2", "9"]) await page.tap(`[qs-data-value="${k}"]`);
      await page.tap(".del-icon");
      for (const k of ["3", "4"]) await page.tap(`[qs-data-value="${k}"]`);
      await page.waitForSelector("#qs-keyboard-id", { state: "detached" });
      expect(await page.evaluate(() => (window as any).ydrzViews.view().state())).toEqual({
        digits: "1234",
        complete: true,
        agreed: false,
      });
      // Auto-submit with mask once ticked.
      await page.tap("#YDRZ_Agreement .ydrz-check");
      await page.waitForFunction(() => (window as any).ydrzViews.calls.length > 0);
      expect(await calls(page)).toEqual([{ type: "submit", digits: "1234" }]);
    } finally {
      await context.close();
    }
  });

  test("keypad by mouse click works too", async () => {
    const { context, page } = await newMobilePage(browser, { hasTouch: false, isMobile: false });
    try {
      await open(page, model("standard-popup"));
      await page.click(".ydrz-auth-phone");
      await page.waitForSelector("#qs-keyboard-id");
      for (const k of ["5", "6", "7", "8"]) await page.click(`[qs-data-value="${k}"]`);
      expect(await page.evaluate(() => (window as any).ydrzViews.view().state().digits)).toBe(
        "5678",
      );
    } finally {
      await context.close();
    }
  });

  test("physical keyboard: digits only, auto-advance, backspace across cells; submit needs the tick", async () => {
    const { context, page } = await newMobilePage(browser);
    try {
      await open(page, model("standard-popup"));
      await page.focus("#inputVal0");
      await page.keyboard.type("4a5b");
      expect(await page.evaluate(() => (window as any).ydrzViews.view().state().digits)).toBe("45");
      expect(await page.evaluate(() => document.activeElement!.id)).toBe("inputVal2");
      await page.keyboard.press("Backspace");
      expect(await page.evaluate(() => document.activeElement!.id)).toBe("inputVal1");
      expect(await page.evaluate(() => (window as any).ydrzViews.view().state().digits)).toBe("4");
      await page.keyboard.type("567");
      expect(await page.getAttribute("#YDRZ_Submitbtn", "class")).not.toContain("ydrz-disabled");
      await page.click("#YDRZ_Submitbtn");
      await page.waitForSelector("#YDRZToast");
      expect(await page.textContent("#YDRZToast")).toBe("请阅读服务协议");
      await screenshot(page, "standard-popup-toast");
      await page.click("label[for=YDRZ_Checkbox_l4]");
      await page.click("#YDRZ_Submitbtn");
      expect(await calls(page)).toEqual([{ type: "submit", digits: "4567" }]);
      await page.evaluate(() => (window as any).ydrzViews.view().busy(true));
      await page.waitForSelector("#YDRZLoad");
      expect(await page.textContent("#YDRZLoad")).toBe("请稍候...");
      await screenshot(page, "standard-popup-busy");
      await page.evaluate(() => (window as any).ydrzViews.view().wrongDigits());
      await page.waitForSelector("#YDRZLoad", { state: "detached" });
      expect(await page.textContent("#YDRZErrorTips")).toBe("号码有误，请重新填写");
      expect(await page.evaluate(() => document.activeElement!.id)).toBe("inputVal0");
      expect(await page.evaluate(() => (window as any).ydrzViews.view().state().digits)).toBe("");
      await screenshot(page, "standard-popup-wrong-digits");
    } finally {
      await context.close();
    }
  });

  test("IME: nothing while composing, the committed digits (full-width too) fill the cells", async () => {
    const { context, page } = await newMobilePage(browser, { hasTouch: false, isMobile: false });
    try {
      await open(page, model("standard-popup"));
      const digits = () => page.evaluate(() => (window as any).ydrzViews.view().state().digits);
      await page.focus("#inputVal0");
      const cdp = await context.newCDPSession(page);
      await cdp.send("Input.imeSetComposition", { text: "９", selectionStart: 1, selectionEnd: 1 });
      expect(await digits()).toBe("");
      await cdp.send("Input.insertText", { text: "９８" });
      expect(await digits()).toBe("98");
      expect(await page.evaluate(() => document.activeElement!.id)).toBe("inputVal2");
      await page.keyboard.insertText("７6");
      expect(await digits()).toBe("9876");
    } finally {
      await context.close();
    }
  });

  test("paste of the group and of the whole number", async () => {
    const { context, page } = await newMobilePage(browser);
    try {
      await routeSeedImages(context);
      await open(page, model("custom-page", { pageOptions: seedPageOptions() }));
      const paste = (text: string) =>
        page.evaluate((t) => {
          const dt = new DataTransfer();
          dt.setData("text/plain", t);
          document
            .getElementById("inputVal1")!
            .dispatchEvent(
              new ClipboardEvent("paste", { clipboardData: dt, bubbles: true, cancelable: true }),
            );
        }, text);
      await paste("9 8 7 6");
      expect(await page.evaluate(() => (window as any).ydrzViews.view().state().digits)).toBe(
        "9876",
      );
      await paste("138-1122-1234");
      expect(await page.evaluate(() => (window as any).ydrzViews.view().state().digits)).toBe(
        "1122",
      );
      await screenshot(page, "custom-page-seed-filled");
    } finally {
      await context.close();
    }
  });
});

describe("keyboard only", () => {
  test("Tab to the cells, type, Tab to the checkbox, Space, Enter on submit", async () => {
    const { context, page } = await newMobilePage(browser, { hasTouch: false, isMobile: false });
    try {
      await open(page, model("custom-page", { pageOptions: seedPageOptions() }));
      await page.waitForFunction(() => document.activeElement?.classList.contains("ydrz-page"));
      const focusedId = () => page.evaluate(() => document.activeElement!.id);
      while ((await focusedId()) !== "inputVal0") await page.keyboard.press("Tab");
      await page.keyboard.type("2468");
      expect(await focusedId()).toBe("inputVal3");
      // No keypad for keyboard users.
      expect(await page.locator(".qs-key-board-wrap").count()).toBe(0);
      while ((await focusedId()) !== "YDRZ_Checkbox_l4") await page.keyboard.press("Tab");
      await page.keyboard.press("Space");
      while ((await focusedId()) !== "YDRZ_Submitbtn") await page.keyboard.press("Tab");
      await page.keyboard.press("Enter");
      expect(await calls(page)).toEqual([{ type: "submit", digits: "2468" }]);
    } finally {
      await context.close();
    }
  });
});

describe("host page CSS", () => {
  test("generic host rules (element selectors, a large root font) do not reshape the views", async () => {
    const { context, page } = await newMobilePage(browser);
    try {
      await page.goto(server.url + "/");
      await page.addStyleTag({
        content: `html{font-size:32px} *{letter-spacing:3px} button{background:red;min-height:90px;font-size:40px}
          input{border:6px solid red;width:200px} a{color:red} p{margin:40px} div{padding:3px} label{display:block}
          input[type="text"]{min-height:44px;width:100%;padding:10px 12px}`,
      });
      await page.waitForFunction(() => "ydrzViews" in window);
      const json = JSON.stringify(model("standard-popup"));
      await page.evaluate((m: string) => (window as any).ydrzViews.mount(JSON.parse(m)), json);
      const look = await page.evaluate(() => {
        const cs = (sel: string) => getComputedStyle(document.querySelector(sel)!);
        return {
          submitBg: cs("#YDRZ_Submitbtn").backgroundColor,
          submitFont: cs("#YDRZ_Submitbtn").fontSize,
          submitHeight: document.querySelector("#YDRZ_Submitbtn")!.getBoundingClientRect().height,
          digitBorder: cs("#inputVal0").borderTopWidth,
          digitBox: document.querySelector("#inputVal0")!.getBoundingClientRect().toJSON(),
          digitFont: parseFloat(cs("#inputVal0").fontSize),
          linkColour: cs(".ydrz-agree-link").color,
          letterSpacing: cs(".ydrz-agree-text").letterSpacing,
          closeHeight: document.querySelector("#YDRZ_Closebtn")!.getBoundingClientRect().height,
        };
      });
      await screenshot(page, "standard-popup-hostile-host-css");
      expect(look.submitBg).toBe("rgb(27, 130, 235)");
      expect(look.submitFont).toBe("16px");
      expect(look.submitHeight).toBeLessThan(60);
      expect(look.digitBorder).toBe("1px");
      // The cells keep their own size (1.15em × 1.45em), not the host's 44px / 100%.
      expect(look.digitBox.width).toBeCloseTo(look.digitFont * 1.15, 0);
      expect(look.digitBox.height).toBeCloseTo(look.digitFont * 1.45, 0);
      expect(look.linkColour).toBe("rgb(27, 130, 235)");
      expect(look.letterSpacing).toBe("normal");
      expect(look.closeHeight).toBe(44);
      await noHorizontalOverflow(page, "#YDRZ_Modal");
    } finally {
      await context.close();
    }
  });
});

describe("touch targets", () => {
  test("close, return, checkbox and custom control answer taps 20px around their centre", async () => {
    const { context, page } = await newMobilePage(browser);
    try {
      for (const [m, selectors] of [
        [
          model("custom-popup-mask", { popupOptions: seedPopupOptions(true) }),
          ["#YDRZ_Closebtn_two", "#YDRZ_Agreement .ydrz-check"],
        ],
        [
          model("custom-page", { pageOptions: seedPageOptions() }),
          ["#YDRZ_Returnbtn", ".ydrz-page-agreement .ydrz-check", ".ydrz-custom-control"],
        ],
        [model("standard-popup"), ["#YDRZ_Closebtn", "#YDRZ_Submitbtn"]],
      ] as const) {
        await open(page, m);
        for (const sel of selectors) {
          const ok = await page.evaluate((s) => {
            const el = document.querySelector(s)!;
            const r = el.getBoundingClientRect();
            const cx = r.left + r.width / 2;
            const cy = r.top + r.height / 2;
            // Points off the screen cannot be tapped anyway (an icon 12px from the top edge).
            const clamp = (v: number, max: number) => Math.min(Math.max(v, 1), max - 1);
            return [
              [-20, 0],
              [20, 0],
              [0, -20],
              [0, 20],
            ].every(([dx, dy]) => {
              const hit = document.elementFromPoint(
                clamp(cx + dx, innerWidth),
                clamp(cy + dy, innerHeight),
              );
              return !!hit && (el === hit || el.contains(hit));
            });
          }, sel);
          expect(ok, sel).toBe(true);
        }
      }
    } finally {
      await context.close();
    }
  });
});

describe("keypad and layout", () => {
  test("inline custom popup low on the page: the keypad pads <body> and the number scrolls clear of it", async () => {
    const { context, page } = await newMobilePage(browser);
    try {
      await page.goto(server.url + "/");
      await page.waitForFunction(() => "ydrzViews" in window);
      // Move the container down so that the keypad would cover it.
      await page.evaluate(() => {
        const c = document.getElementById("ydrzCustomControls")!;
        c.style.marginTop = "640px";
      });
      await page.evaluate(() => {
        (window as any).ydrzViews.mount(
          {
            kind: "custom-popup",
            carrier: "CM",
            maskPhone: "138****1234",
            authLevel: "4",
            appName: "示例应用",
            privacyLinks: [],
          },
          "ydrzCustomControls",
        );
      });
      await page.tap("#YDRZ_InputPhone_two");
      await page.waitForSelector(".qs-key-board-wrap");
      expect(
        await page.evaluate(() => parseFloat(document.body.style.paddingBottom)),
      ).toBeGreaterThan(150);
      await page.waitForFunction(() => {
        const n = document.getElementById("YDRZ_InputPhone_two")!.getBoundingClientRect();
        const k = document.querySelector(".qs-key-board-wrap")!.getBoundingClientRect();
        return n.bottom <= k.top;
      });
      await screenshot(page, "custom-popup-inline-keypad");
      for (const k of ["2", "4", "6", "8"]) await page.tap(`[qs-data-value="${k}"]`);
      await page.waitForSelector(".qs-key-board-wrap", { state: "detached" });
      expect(await page.evaluate(() => document.body.style.paddingBottom)).toBe("");
      // Not modal: nothing else became inert, the page still scrolls.
      expect(
        await page.evaluate(() => document.querySelector("header")!.hasAttribute("inert")),
      ).toBe(false);
    } finally {
      await context.close();
    }
  });

  test("landscape phone: the page view scrolls the number above the keypad", async () => {
    const { context, page } = await newMobilePage(browser, LANDSCAPE_PHONE);
    try {
      await open(page, model("standard-page"));
      await page.tap("#YDRZ_InputPhone");
      await page.waitForSelector(".qs-key-board-wrap");
      await page.waitForFunction(() => {
        const n = document.getElementById("YDRZ_InputPhone")!.getBoundingClientRect();
        const k = document.querySelector(".qs-key-board-wrap")!.getBoundingClientRect();
        return n.bottom <= k.top && n.top >= 0;
      });
      await screenshot(page, "standard-page-landscape-keypad");
    } finally {
      await context.close();
    }
  });
});

describe("README screenshots (small, 1×) — copied by hand to docs/screenshots", () => {
  test("standard popup, custom popup with keypad, custom page, standard popup with gateway options", async () => {
    const shots: [string, ViewModel, ((page: Page) => Promise<void>)?][] = [
      [
        "docs-standard-popup",
        model("standard-popup"),
        async (page) => {
          await page.focus("#inputVal0");
          await page.keyboard.type("56");
        },
      ],
      [
        "docs-custom-popup-keypad",
        model("custom-popup-mask", { popupOptions: seedPopupOptions(true) }),
        async (page) => {
          await page.tap("#YDRZ_InputPhone_two");
          await page.waitForSelector(".qs-key-board-wrap");
          await page.tap('[qs-data-value="8"]');
        },
      ],
      ["docs-custom-page", model("custom-page", { pageOptions: seedPageOptions() })],
      [
        "docs-standard-popup-options",
        model("standard-popup", {
          authLevel: "1",
          pageOption: {
            pageTitle: "欢迎登录示例商城",
            agreeButtonText: "本机号码一键登录",
            agreeButtonColour: "#FF6A00",
            agreeTextColour: "#FF6A00",
            configBusinessName: "示例商城",
            customControlsConf: JSON.stringify([{ name: "短信验证码登录", url: "/sms" }]),
          },
        }),
      ],
    ];
    for (const [name, m, act] of shots) {
      const { context, page } = await newMobilePage(browser, { deviceScaleFactor: 1 });
      await routeSeedImages(context);
      try {
        await open(page, m);
        await act?.(page);
        await page.evaluate(() => document.fonts.ready);
        await screenshot(page, name);
      } finally {
        await context.close();
      }
    }
  });
});
