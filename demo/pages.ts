/**
 * The demo pages, listed once: the router serves them, the registry registers their addresses as
 * the app's referers, the index links them, and the tests check each one.
 */
export interface DemoPage {
  /** Path on the demo site. */
  path: string;
  /** File under demo/pages/. */
  file: string;
  title: string;
  /** Which demo app the page signs for (its registry entry decides authLevel). */
  app: DemoAppName;
  /** Loads the UMD with the seed's three tags (all but the SPA page, which imports the ESM). */
  umd: boolean;
}

/**
 * The demo's apps: one per registry situation worth showing. The scenario switcher picks one for
 * the pages that sign with "default"; the authLevel 5 page always signs with "level5".
 */
export type DemoAppName =
  "default" | "level1" | "level5" | "no-cross-carrier" | "unsubscribed" | "expired" | "reviewing";

export const DEMO_APP_NAMES: readonly DemoAppName[] = [
  "default",
  "level1",
  "level5",
  "no-cross-carrier",
  "unsubscribed",
  "expired",
  "reviewing",
];

export const DEMO_PAGES: readonly DemoPage[] = [
  { path: "/", file: "index.html", title: "首页 · 场景与视图", app: "default", umd: false },
  {
    path: "/standard-popup.html",
    file: "standard-popup.html",
    title: "标准弹窗 (authPageType 1)",
    app: "default",
    umd: true,
  },
  {
    path: "/custom-popup.html",
    file: "custom-popup.html",
    title: "自定义弹窗 · 无蒙层 (authPageType 2)",
    app: "default",
    umd: true,
  },
  {
    path: "/custom-popup-mask.html",
    file: "custom-popup-mask.html",
    title: "自定义弹窗 · 有蒙层 (authPageType 2)",
    app: "default",
    umd: true,
  },
  {
    path: "/custom-page.html",
    file: "custom-page.html",
    title: "自定义页面 (authPageType 3)",
    app: "default",
    umd: true,
  },
  {
    path: "/standard-page.html",
    file: "standard-page.html",
    title: "标准页面 (authPageType 0)",
    app: "default",
    umd: true,
  },
  {
    path: "/level5.html",
    file: "level5.html",
    title: "authLevel 5 · 自绘界面 + authGetToken",
    app: "level5",
    umd: true,
  },
  { path: "/spa.html", file: "spa.html", title: "SPA · ESM import", app: "default", umd: false },
  {
    path: "/sms-handoff.html",
    file: "sms-handoff.html",
    title: "预取号 + 短信兜底 (prepare)",
    app: "default",
    umd: false,
  },
];

/** Where the seed's §3.1 tags point, kept on our own origin (the page paths stay the seed's). */
export const SEED_SCRIPT_PATH = "/h5/js/jssdk_auth/jssdk-1.0.0.min.js";
export const SEED_CSS_PATH = "/h5/js/jssdk_auth/css/ydrz-layer.css";
