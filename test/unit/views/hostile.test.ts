/**
 * Options and gateway data are untrusted: script/HTML in every text field, `javascript:`/
 * `data:`/`vbscript:` in every URL field, CSS break-outs in every style field, wrong types
 * everywhere. Nothing may be injected and nothing may throw.
 */
import { afterEach, beforeEach, describe, expect, test, vi } from "vitest";
import type { ViewModel } from "../../../src/views/contract";
import { cleanupDom, model, mount, seedPageOptions, seedPopupOptions, spies } from "./helpers";

const TEXTS = [
  '<img src=x onerror="window.__pwned=1">',
  "<script>window.__pwned=1</script>",
  '"><svg onload=window.__pwned=1>',
  "{{constructor}}",
];
const URLS = [
  "javascript:window.__pwned=1",
  " JaVaScRiPt:window.__pwned=1",
  "java\tscript:alert(1)",
  "data:text/html,<script>alert(1)</script>",
  "vbscript:msgbox(1)",
  "data:image/svg+xml,<svg onload=alert(1)>",
];
const STYLES = [
  "red;background:url(https://evil.example/x)",
  "1px}body{display:none}",
  "expression(alert(1))",
  "url(javascript:alert(1))",
  '"x"',
  "20px\\3b color:red",
  "#fff !important",
  "1px/**/",
  "<style>",
];
const WEIRD: unknown[] = [null, 42, {}, [], true, () => "x", Symbol("s"), NaN];

const URL_KEYS = new Set(["url", "btnImage", "uncheckUrl", "checkedUrl", "agreeCheckPic"]);
const TEXT_KEYS = new Set(["name", "text", "pageTitle", "agreeButtonText", "configBusinessName"]);

type PayloadKind = "url" | "text" | "style";

/** What kind of payload a field of this name gets. */
function kindOf(key: string): PayloadKind {
  if (URL_KEYS.has(key)) return "url";
  if (TEXT_KEYS.has(key)) return "text";
  return "style";
}

/** Picks one payload per kind. */
const byKind =
  (payloads: Record<PayloadKind, unknown>) =>
  (kind: PayloadKind): unknown =>
    payloads[kind];

/** Replaces every leaf of an options object by a payload chosen by the field's kind. */
function poison(
  value: unknown,
  pick: (kind: "url" | "text" | "style", key: string) => unknown,
  key = "",
): unknown {
  if (Array.isArray(value))
    return value.length
      ? value.map((v) => poison(v, pick, key))
      : [{ name: pick("text", "name"), url: pick("url", "url") }];
  if (value && typeof value === "object") {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = poison(v, pick, k);
    return out;
  }
  if (key === "ifShow" || key === "ifShowBtn" || key === "ifShowMask") return "ture";
  return pick(kindOf(key), key);
}

function hostileModels(
  pick: (kind: "url" | "text" | "style", key: string) => unknown,
): ViewModel[] {
  const text = pick("text", "") as string;
  const url = pick("url", "") as string;
  const common = {
    maskPhone: typeof text === "string" ? "138****" + text : text,
    appName: text,
    privacyLinks: [{ name: text, url }],
  } as Partial<ViewModel>;
  const pageOption = poison(
    {
      pageTitle: "",
      agreeButtonText: "",
      agreeButtonColour: "",
      agreeTextColour: "",
      configBusinessName: "",
      agreeCheckPic: "",
    },
    pick,
  ) as Record<string, unknown>;
  pageOption.customControlsConf = JSON.stringify([
    { name: text, url, fontColor: pick("style", "fontColor"), bgColor: pick("style", "bgColor") },
  ]);
  const container = document.createElement("div");
  document.body.appendChild(container);
  return [
    model("standard-popup", { ...common, pageOption }),
    model("standard-popup", { ...common, authLevel: "1", pageOption }),
    model("custom-popup-mask", {
      ...common,
      popupOptions: poison(seedPopupOptions(true), pick) as never,
    }),
    model("custom-popup", {
      ...common,
      container,
      popupOptions: poison(seedPopupOptions(false), pick) as never,
    }),
    model("custom-popup-mask", {
      ...common,
      authLevel: "1",
      popupOptions: poison(
        {
          ...seedPopupOptions(true),
          submitBtnStyle: {
            name: "",
            fontColor: "",
            fontSize: "",
            textAlign: "",
            bgColor: "",
            width: "",
            height: "",
            borderRadius: "",
            high: "",
            left: "",
          },
        },
        pick,
      ) as never,
    }),
    model("custom-page", { ...common, pageOptions: poison(seedPageOptions(), pick) as never }),
    model("custom-page", {
      ...common,
      authLevel: "1",
      pageOptions: poison(
        {
          ...seedPageOptions(),
          tipStyle: { text: "" },
          submitBtnStyle: { name: "", bgColor: "", fontFamily: "" },
        },
        pick,
      ) as never,
    }),
    model("standard-page", common),
  ];
}

function assertClean(): void {
  const roots = Array.from(document.querySelectorAll(".ydrz-root"));
  expect(roots.length).toBeGreaterThan(0);
  for (const root of roots) {
    expect(
      root.querySelectorAll("script, iframe, object, embed, style, link, frame, base, meta, form"),
    ).toHaveLength(0);
    for (const el of [root, ...Array.from(root.querySelectorAll("*"))]) {
      for (const attr of Array.from(el.attributes)) {
        expect(attr.name.startsWith("on"), `${el.tagName} ${attr.name}`).toBe(false);
        if (attr.name === "href" || attr.name === "src" || attr.name === "xlink:href") {
          expect(attr.value, attr.name).not.toMatch(
            /^\s*(javascript|vbscript|data:text|data:image\/svg)/i,
          );
          expect(attr.value).not.toMatch(/[\t\n]/);
        }
        if (attr.name === "style") {
          expect(attr.value).not.toMatch(
            /url\(|expression|javascript|evil|\\|!\s*important(?![^;]*padding)/i,
          );
          expect(attr.value).not.toMatch(/display:\s*none/);
        }
      }
      if (el.tagName.toLowerCase() === "svg") {
        expect(el.getAttribute("class")).toMatch(/^ydrz-icon( ydrz-(check|logo)-icon)?$/);
      }
    }
  }
  expect(document.head.querySelectorAll("style").length).toBeLessThanOrEqual(1);
  expect((window as unknown as { __pwned?: number }).__pwned).toBeUndefined();
}

let warn: ReturnType<typeof vi.spyOn>;
beforeEach(() => {
  vi.spyOn(window, "scrollTo").mockImplementation(() => undefined);
  warn = vi.spyOn(console, "warn").mockImplementation(() => undefined);
  vi.spyOn(console, "error").mockImplementation(() => undefined);
});
afterEach(() => {
  cleanupDom();
  vi.restoreAllMocks();
});

describe("hostile strings", () => {
  for (const t of TEXTS) {
    for (const u of URLS) {
      test(`text ${JSON.stringify(t).slice(0, 30)} / url ${JSON.stringify(u).slice(0, 24)}`, () => {
        for (const s of [
          STYLES[TEXTS.indexOf(t) % STYLES.length],
          STYLES[(URLS.indexOf(u) + 4) % STYLES.length],
        ]) {
          for (const m of hostileModels(byKind({ url: u, text: t, style: s }))) {
            const v = mount(m, spies());
            assertClean();
            // Texts arrive as text: the payload is visible verbatim, not parsed.
            const names = Array.from(document.querySelectorAll(".ydrz-app-name")).map(
              (n) => n.textContent,
            );
            expect(names.every((n) => n === t)).toBe(true);
            v.destroy();
          }
        }
      });
    }
  }

  test("every style payload in every style field", () => {
    for (const s of STYLES) {
      for (const m of hostileModels(byKind({ style: s, url: "https://ok.example/", text: "ok" }))) {
        const v = mount(m, spies());
        assertClean();
        v.destroy();
      }
    }
    expect(warn).toHaveBeenCalled();
  });
});

describe("wrong types", () => {
  for (const w of WEIRD) {
    test(`${String(typeof w === "symbol" ? "symbol" : (JSON.stringify(w) ?? typeof w))} in every field`, () => {
      for (const m of hostileModels(() => w)) {
        const v = mount(m, spies());
        assertClean();
        expect(v.state().complete === true || v.state().complete === false).toBe(true);
        v.destroy();
      }
    });
  }

  test("option objects of the wrong shape, getters that throw, a broken gateway JSON", () => {
    const throwing = {
      get layerStyle(): never {
        throw new Error("getter");
      },
    };
    const cases: ViewModel[] = [
      model("custom-popup-mask", { popupOptions: "nonsense" as never }),
      model("custom-popup-mask", { popupOptions: throwing }),
      model("custom-page", { pageOptions: [1, 2, 3] as never }),
      model("custom-page", {
        pageOptions: new Proxy(
          {},
          {
            get: () => {
              throw new Error("proxy");
            },
          },
        ),
      }),
      model("standard-popup", { pageOption: { customControlsConf: "{not json" } }),
      model("standard-popup", {
        pageOption: { customControlsConf: '[null, 1, "x", {"name": {"a": 1}}]' },
      }),
      model("standard-popup", {
        pageOption: null as never,
        privacyLinks: "x" as never,
        maskPhone: undefined as never,
        carrier: "XX" as never,
      }),
      model("weird-kind" as never),
    ];
    for (const m of cases) {
      let v: ReturnType<typeof mount> | undefined;
      expect(() => (v = mount(m, spies()))).not.toThrow();
      assertClean();
      v!.destroy();
    }
  });
});
