/**
 * Integrator pages for the audit that open a view with default options: the UMD and the popup
 * stylesheet under the paths the official manual gives (the e2e fixture server serves them), the
 * least setup each view needs, the sign from the demo backend, one getTokenInfo call.
 */

/** How a page sets the SDK up before getTokenInfo. */
export interface DefaultsPage {
  /** The path on the fixture server, e.g. `/a11y/custom-page.html`. */
  path: string;
  /** getTokenInfo's authPageType. */
  authPageType: "0" | "1" | "2" | "3";
  /** Script run once the SDK has loaded (CustomControlsInit, authPageInit, config). */
  setup?: string;
  /** Extra markup in <body> (the custom popup's container). */
  body?: string;
}

/** Each view with default options (only what selects the view). */
export const DEFAULTS_PAGES = {
  "standard-popup": { path: "/a11y/standard-popup.html", authPageType: "1" },
  "custom-popup": {
    path: "/a11y/custom-popup.html",
    authPageType: "2",
    setup: 'YDRZAuthLogin.CustomControlsInit("ydrzCustomControls", {});',
    body: '<div id="ydrzCustomControls"></div>',
  },
  // The mask is what makes this view: the one option set.
  "custom-popup-mask": {
    path: "/a11y/custom-popup-mask.html",
    authPageType: "2",
    setup:
      'YDRZAuthLogin.CustomControlsInit("ydrzCustomControls", { maskStyle: { ifShowMask: true } });',
  },
  "standard-page": { path: "/a11y/standard-page.html", authPageType: "0" },
  "custom-page": {
    path: "/a11y/custom-page.html",
    authPageType: "3",
    setup: "YDRZAuthLogin.authPageInit({});",
  },
} satisfies Record<string, DefaultsPage>;

/**
 * The start of a page up to its <head>'s own tags. The gateway checks the full page address,
 * which a cross-origin request only carries under the "always" referrer policy.
 */
const pageStart = (title: string) => `<!doctype html>
<html lang="zh-CN">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <meta name="referrer" content="always">
  <title>${title}</title>`;

/** The page's HTML; `gateway` is the emulator's address (the script tag's data-* attributes). */
export function defaultsPageHtml(page: DefaultsPage, gateway: string): string {
  return `${pageStart("默认选项")}
  <script src="/h5/js/jssdk_auth/jssdk-1.0.0.min.js" data-cm-host="${gateway}"
    data-api-host="${gateway}"></script>
  <link rel="stylesheet" href="/h5/js/jssdk_auth/css/ydrz-layer.css">
</head>
<body>
  <main>
    <h1>集成方页面</h1>
    <button type="button" id="login">一键登录</button>
    ${page.body ?? ""}
  </main>
  <script>
    ${page.setup ?? ""}
    document.getElementById("login").addEventListener("click", function () {
      fetch("/api/sign", { method: "POST", headers: { "Content-Type": "application/json" },
        body: "{}" })
        .then(function (r) { return r.json(); })
        .then(function (s) {
          YDRZAuthLogin.getTokenInfo({
            data: { version: s.version, appId: s.appId, sign: s.sign, traceId: s.traceId,
              timestamp: s.timestamp, openType: "1", authPageType: "${page.authPageType}" },
            success: function () {},
            error: function () {}
          });
        });
    });
  </script>
</body>
</html>
`;
}

/** Where the hosted-page mode's integrator page is served. */
export const HOSTED_PAGE_PATH = "/a11y/hosted-page.html";

/**
 * The hosted-page mode (npm module only, not in the UMD): the ESM build imported without a
 * bundler (the fixture server serves `/dist/index.mjs`), `config({hostedPage: true})`; the
 * gateway's page opens in `iframe#auth`.
 */
export function hostedPageHtml(gateway: string): string {
  return `${pageStart("托管页")}
</head>
<body>
  <button type="button" id="login">一键登录</button>
  <script type="module">
    import { YDRZAuthLogin } from "/dist/index.mjs";
    YDRZAuthLogin.config({ cmHost: "${gateway}", apiHost: "${gateway}", hostedPage: true });
    document.getElementById("login").addEventListener("click", async () => {
      const answer = await fetch("/api/sign", { method: "POST", body: "{}",
        headers: { "Content-Type": "application/json" } });
      const s = await answer.json();
      YDRZAuthLogin.getTokenInfo({
        data: { version: s.version, appId: s.appId, sign: s.sign, traceId: s.traceId,
          timestamp: s.timestamp, authPageType: "0" },
        success() {},
        error() {},
      });
    });
  </script>
</body>
</html>
`;
}
