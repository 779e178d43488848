/**
 * Every demo page is served with the seed's §3.1 tags (the jssdk script at the original's path,
 * the popup stylesheet; not crypto-js.js, which ydrz-jssdk does not need), points the SDK at the
 * emulator, and carries the parts the browser tests look for. The files those tags name are
 * served too.
 */
import { existsSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { runInNewContext } from "node:vm";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { DemoHandle } from "../../../demo/app";
import { DEMO_PAGES, SEED_CSS_PATH, SEED_SCRIPT_PATH } from "../../../demo/pages";
import { startTestDemo } from "./support";

const root = resolve(__dirname, "../../..");
let demo: DemoHandle;
const html = new Map<string, string>();

beforeAll(async () => {
  demo = await startTestDemo();
  for (const p of DEMO_PAGES) {
    const res = await fetch(demo.url.replace(/\/$/, "") + p.path);
    expect(res.status, p.path).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/html; charset=utf-8");
    html.set(p.path, await res.text());
  }
});

afterAll(async () => {
  await demo?.close();
});

const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

describe.each(DEMO_PAGES.map((p) => [p.path, p] as const))("%s", (path, page) => {
  const get = () => html.get(path)!;

  test("mobile viewport, referrer policy 'always', no template left", () => {
    expect(get()).toMatch(/<meta name="viewport" content="width=device-width, initial-scale=1">/);
    expect(get()).toContain('<meta name="referrer" content="always">');
    expect(get()).not.toMatch(/\{\{|demo:panels/);
  });

  if (page.umd) {
    test("loads the SDK as seed 003 §3.1 does (jssdk-1.0.0.min.js, ydrz-layer.css), without crypto-js", () => {
      const h = get();
      const sdk = h.search(
        new RegExp(`<script type="text/javascript" src="${esc(SEED_SCRIPT_PATH)}"[^>]*></script>`),
      );
      const css = h.indexOf(`<link rel="stylesheet" type="text/css" href="${SEED_CSS_PATH}">`);
      expect(h).not.toMatch(/<script[^>]*crypto-js/);
      expect(sdk).toBeGreaterThan(0);
      expect(css).toBeGreaterThan(0);
      expect(h.indexOf("</head>")).toBeGreaterThan(Math.max(sdk, css));
    });

    test("points the UMD at the emulator with data-cm-host / data-api-host", () => {
      const tag = get().match(new RegExp(`<script [^>]*src="${esc(SEED_SCRIPT_PATH)}"[^>]*>`))![0];
      expect(tag).toContain(`data-cm-host="${demo.gatewayUrl}"`);
      expect(tag).toContain(`data-api-host="${demo.gatewayUrl}"`);
    });
  }

  if (path !== "/") {
    test("has the login button, #phone, #log, the switcher and the referer/origin panel", () => {
      const h = get();
      for (const id of [
        "login",
        "phone",
        "log",
        "sim",
        "scenario",
        "status",
        "page-address",
        "seen-referer",
        "seen-origin",
      ]) {
        expect(h, id).toContain(`id="${id}"`);
      }
      expect(h).toContain('<script src="/assets/demo.js"></script>');
    });
  }
});

describe("view-specific content", () => {
  test("the index links every view", () => {
    const index = html.get("/")!;
    for (const p of DEMO_PAGES.filter((p) => p.path !== "/"))
      expect(index).toContain(`href="${p.path}"`);
  });

  test.each([
    ["/standard-popup.html", '"1"'],
    ["/custom-popup.html", '"2"'],
    ["/custom-popup-mask.html", '"2"'],
    ["/custom-page.html", '"3"'],
    ["/standard-page.html", '"0"'],
  ])("%s calls getTokenInfo with authPageType %s", (path, type) => {
    expect(html.get(path)).toContain(`authPageType: ${type}`);
    expect(html.get(path)).toContain("YDRZAuthLogin.getTokenInfo(");
  });

  test("custom popup without mask: the container, the seed's §3.5.1 options, authGetTokenByLayer", () => {
    const h = html.get("/custom-popup.html")!;
    expect(h).toContain('<div id="ydrzCustomControls"');
    expect(h).toContain('YDRZAuthLogin.CustomControlsInit("ydrzCustomControls", Options)');
    expect(h).toContain('fontColor:"#F829FF"');
    expect(h).toContain('{name:"《中国移动服务协议》",url:"协议链接"}');
    expect(h).not.toContain("maskStyle");
    expect(h).toContain("YDRZAuthLogin.authGetTokenByLayer(");
    expect(h).toContain("layerCallback");
  });

  test("custom popup: after authGetTokenByLayer's 104012 (the SDK keeps the popup) the confirm button still works", () => {
    const h = html.get("/custom-popup.html")!;
    const inline = [...h.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((m) => m[1]).join("\n");
    const elements = new Map<string, { disabled: boolean; click?: () => void }>();
    const byId = (id: string) => {
      if (!elements.has(id)) elements.set(id, { disabled: true });
      const el = elements.get(id)!;
      return Object.assign(el, { addEventListener: (_: string, f: () => void) => (el.click = f) });
    };
    let getTokenInfo: any;
    let layer: { ok: (r: unknown) => void; fail: (r: unknown) => void } | undefined;
    const noop = () => {};
    runInNewContext(inline, {
      document: { getElementById: byId },
      YDRZAuthLogin: {
        CustomControlsInit: noop,
        getTokenInfo: (o: unknown) => (getTokenInfo = o),
        authGetTokenByLayer: (ok: any, fail: any) => (layer = { ok, fail }),
        endGetToken: noop,
      },
      Demo: {
        start: () => ({
          then: (f: (s: object) => void) => {
            f({});
            return { catch: noop };
          },
        }),
        log: noop,
        status: noop,
        error: noop,
        fail: noop,
        finish: noop,
        login: noop,
        describe: () => "",
      },
    });
    byId("login").click!();
    getTokenInfo.success({ code: "103000", message: "弹窗加载成功" });
    expect(byId("layer-submit").disabled).toBe(false);
    byId("layer-submit").click!();
    layer!.fail({ code: "104012", message: "短信验证码错误" });
    expect(byId("layer-submit").disabled).toBe(false);
    // A final error still ends the flow.
    byId("layer-submit").click!();
    layer!.fail({ code: "104009", message: "locked" });
    expect(byId("layer-submit").disabled).toBe(true);
  });

  test("custom popup with mask: the seed's §3.5.2 options with maskStyle.ifShowMask", () => {
    const h = html.get("/custom-popup-mask.html")!;
    expect(h).toMatch(/maskStyle: \{\s*ifShowMask:true,/);
    expect(h).toContain('YDRZAuthLogin.CustomControlsInit("ydrzCustomControls", Options)');
  });

  test('custom page: the seed\'s §3.6.1 options verbatim (including "ture") and authPageInit', () => {
    const h = html.get("/custom-page.html")!;
    expect(h).toContain('"customControlStyle": {"ifShow": "ture"');
    expect(h).toContain(
      '"phoneNumStyle": {"fontFamily": "PingFangSC-Semibold, PingFangSC", "fontSize": "2.08rem"',
    );
    expect(h).toContain("YDRZAuthLogin.authPageInit(Options);");
  });

  test("authLevel 5: signs for the level5 app and calls authGetToken", () => {
    const h = html.get("/level5.html")!;
    expect(h).toContain('data-app="level5"');
    expect(h).toContain("YDRZAuthLogin.authGetToken(");
  });

  test("SPA: imports the ESM build (no import map: it has no dependencies), config() at the emulator", () => {
    const h = html.get("/spa.html")!;
    expect(h).toContain('import { YDRZAuthLogin } from "/dist/index.mjs";');
    expect(h).not.toContain("importmap");
    expect(h).toContain(`data-cm-host="${demo.gatewayUrl}"`);
    expect(h).toContain("YDRZAuthLogin.config(");
    expect(h).not.toContain(SEED_SCRIPT_PATH);
  });
});

describe("the SMS hand-off page", () => {
  test("prepares on load with the ESM build, and has the demo SMS form (no real SMS)", () => {
    const h = html.get("/sms-handoff.html")!;
    expect(h).toContain('import { YDRZAuthLogin, describeError } from "/dist/index.mjs";');
    expect(h).toContain("YDRZAuthLogin.prepareAsync(");
    expect(h).toMatch(/<button type="button" id="login" class="primary" hidden>/);
    expect(h).toMatch(/<form id="sms-form"[^>]* hidden>/);
    expect(h).toContain(">获取验证码</button>");
    expect(h).toContain("演示：不发送短信");
    expect(h).toContain("describeError(res).sms");
  });
});

describe("the files the tags name", () => {
  test.each([
    [SEED_SCRIPT_PATH, "ydrz-jssdk.umd.js"],
    ["/dist/ydrz-jssdk.umd.js", "ydrz-jssdk.umd.js"],
    [SEED_CSS_PATH, "style.css"],
    ["/dist/style.css", "style.css"],
    ["/dist/index.mjs", "index.mjs"],
  ])("%s serves dist/%s (or says to build)", async (path, file) => {
    const res = await fetch(demo.url.replace(/\/$/, "") + path);
    const built = join(root, "dist", file);
    if (existsSync(built)) {
      expect(res.status).toBe(200);
      expect(await res.text()).toBe(readFileSync(built, "utf8"));
    } else {
      expect(res.status).toBe(404);
      expect((await res.json()).message).toContain("npm run build");
    }
  });

  test("the ESM build imports nothing: it runs in a page without an import map or a bundler", () => {
    const built = join(root, "dist", "index.mjs");
    expect(existsSync(built), "npm run build first").toBe(true);
    expect(readFileSync(built, "utf8")).not.toMatch(/^\s*import\s/m);
  });

  test("pages answer HEAD without a body", async () => {
    const res = await fetch(`${demo.url}standard-popup.html`, { method: "HEAD" });
    expect(res.status).toBe(200);
    expect(await res.text()).toBe("");
  });
});
