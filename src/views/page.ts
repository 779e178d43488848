/**
 * The full-page views, drawn in-page (the original loads a carrier-hosted page in an iframe):
 * the standard page (any other authPageType, built-in defaults) and the custom page
 * (authPageType "3", every field of seed 003 §3.6.2). Defaults are the seed's own example,
 * which mirrors the original page; rem values count 12px.
 */

import type { PageOptions } from "../sdk/types";
import type { MountedView, ViewHandlers, ViewModel } from "./contract";
import { createController, createErrorTip } from "./controller";
import { createCustomControl } from "./custom-control";
import { h, icon, imageOrIcon, img } from "./dom";
import { applyBox, readBox, type Box } from "./layout";
import { colour, length, obj, textOption } from "./options";
import { safeUrl, setStyle } from "./sanitize";
import type { Carrier } from "../protocol/hosts";

/**
 * The seed's example Options (§3.6.1) are the original page's look: they are our defaults (less
 * its PingFang font names: the root font stack already starts with the phone's system font).
 */
export const PAGE_DEFAULTS = {
  bgColor: "#FFFFFF",
  titleStyle: { name: "本机号码登录", fontSize: "1.33rem", fontColor: "#444444", width: "70%", height: "1.83rem", left: "center", high: "1rem", textAlign: "center" },
  logoStyle: { width: "6.96rem", height: "7.32rem", high: "7.9rem", left: "center" },
  authTextStyle: { fontSize: "1.08rem", fontColor: "#444444", appNameColor: "#444444", width: "100%", textAlign: "center", high: "22.75rem", left: "center", fontWeight: "500" },
  phoneNumStyle: { fontSize: "2.08rem", fontColor: "#444444", bgColor: "#FFFFFF", fontWeight: "600", width: "15.42rem", left: "center", high: "19.58rem", inputStyle: { width: "1.83rem", height: "2.17rem" } },
  tipStyle: { fontSize: "0.92rem", fontColor: "#999999", high: "27rem", left: "center" },
  agreeStyle: { fontSize: "1rem", fontColor: "#999999", high: "30.58rem", left: "center", checkedButton: { width: "1.33rem", height: "1.33rem", uncheckColor: "#cccccc", checkedColor: "#1E82EB" }, hrefStyle: { fontColor: "#1E82EB" } },
  returnBtnStyle: { width: "0.65rem", height: "1.1rem", left: "1rem", high: "1rem" },
  /** No `high` by default: the button sits near the bottom of the page (see .ydrz-page-submit-default). */
  submitBtnStyle: { name: "本机号码登录", fontSize: "16px", fontColor: "#FFFFFF", bgColor: "#1B82EB", width: "85%", height: "44px", borderRadius: "22px", left: "center", textAlign: "center" },
  customControlStyle: { fontSize: "14px", fontColor: "#1B82EB", left: "center" },
} as const;

export const PAGE_TEXTS = {
  authText: "申请使用您的本机号码登录",
  tips: { CM: "认证服务由中国移动提供", CT: "认证服务由中国电信提供", CU: "认证服务由中国联通提供" } as Record<Carrier, string>,
} as const;

let uid = 0;

function box(defaults: unknown, raw: unknown, field: string): Box {
  return { ...readBox(defaults, field + "(default)"), ...readBox(raw, field) };
}

type Placed = "returnBtnStyle" | "titleStyle" | "logoStyle" | "phoneNumStyle" | "authTextStyle" | "tipStyle" | "agreeStyle";

export function mountPage(model: ViewModel, handlers: ViewHandlers): MountedView {
  const custom = model.kind === "custom-page";
  const o = (custom ? obj(model.pageOptions) : {}) as PageOptions & Record<string, unknown>;
  const D = PAGE_DEFAULTS;
  const entry = model.authLevel === "4";
  const ctl = createController(model, handlers, "button");
  const L = ctl.listeners;

  const page = h("div", { className: "ydrz-page" });
  const wrap = h("div", { id: "YDRZPage", className: "ydrz-root ydrz-page-wrap" }, [page]);
  setStyle(wrap, "background-color", colour(o.bgColor, "bgColor") || D.bgColor);
  /** Styles `el` from the option group `key` over its default and appends it to the page. */
  const place = (el: HTMLElement, key: Placed, strip?: Record<string, undefined>): Box => {
    const b = box(D[key], { ...obj(o[key]), ...strip }, key);
    applyBox(el, b);
    page.appendChild(el);
    return b;
  };

  // Return button: configured box = the icon; 44px hit area centred on it by CSS.
  const ret = obj(o.returnBtnStyle);
  const back = h("button", { id: "YDRZ_Returnbtn", className: "ydrz-return-btn", attrs: { "aria-label": "返回" } });
  const backImg = safeUrl(ret.url, "image");
  back.appendChild(imageOrIcon(backImg, "ydrz-return-img", "back"));
  place(back, "returnBtnStyle");

  // Title ("" allowed: no title).
  const titleRaw = obj(o.titleStyle);
  const titleText = textOption(titleRaw.name, D.titleStyle.name, { allowEmpty: true });
  const titleId = `ydrz-page-title-${++uid}`;
  if (titleText.trim() !== "") {
    const title = h("h1", { id: titleId, className: "ydrz-title ydrz-page-title", text: titleText });
    place(title, "titleStyle");
  }

  // Logo: the integrator's image, or an inline mark (painting needs no request).
  const logoRaw = obj(o.logoStyle);
  const logoUrl = safeUrl(logoRaw.url, "image");
  const logo = logoUrl
    ? img(logoUrl, "ydrz-logo")
    : h("div", { className: "ydrz-logo ydrz-logo-default", attrs: { "aria-hidden": "true" } }, [icon("phone", "ydrz-logo-icon")]);
  // A logo that cannot load leaves its place empty rather than a broken-image glyph.
  if (logoUrl) logo.addEventListener("error", () => logo.style.setProperty("visibility", "hidden"), { once: true });
  place(logo, "logoStyle", { url: undefined });

  // Number.
  const phoneRaw = obj(o.phoneNumStyle);
  const errorTip = createErrorTip();
  const digits = ctl.digits((entry ? "ydrz-auth-phone" : "ydrz-maskphone") + " ydrz-page-phone", "inputVal", "YDRZ_InputPhone");
  const phoneBox = place(digits.el, "phoneNumStyle");
  const inputRaw = obj(phoneRaw.inputStyle);
  for (const k of ["width", "height"] as const) {
    const v = length(inputRaw[k], "phoneNumStyle.inputStyle." + k) || length(D.phoneNumStyle.inputStyle[k], "");
    for (const input of digits.inputs) setStyle(input, k, v);
  }
  // The error tip follows the number wherever it was placed.
  errorTip.classList.add("ydrz-placed", "ydrz-center-x", "ydrz-page-error");
  setStyle(errorTip, "top", phoneBox.top ? `calc(${phoneBox.top} - 1.6em)` : undefined);
  page.appendChild(errorTip);

  // Auth text: "{appName}申请使用您的本机号码登录".
  const authRaw = obj(o.authTextStyle);
  const authText = h("p", { className: "ydrz-auth-text" });
  const appName = h("span", { className: "ydrz-app-name", text: textOption(model.appName, "") });
  setStyle(appName, "color", colour(authRaw.appNameColor, "authTextStyle.appNameColor") || D.authTextStyle.appNameColor);
  authText.appendChild(appName);
  authText.appendChild(document.createTextNode(PAGE_TEXTS.authText));
  place(authText, "authTextStyle");

  // Tip line.
  const tip = h("p", {
    className: "ydrz-tip",
    text: textOption(obj(o.tipStyle).text, PAGE_TEXTS.tips[model.carrier] || PAGE_TEXTS.tips.CM),
  });
  place(tip, "tipStyle");

  // Agreement.
  const agreeRaw = obj(o.agreeStyle);
  const checkRaw = obj(agreeRaw.checkedButton);
  const hrefRaw = obj(agreeRaw.hrefStyle);
  const checkDefaults = D.agreeStyle.checkedButton;
  const size = (k: "width" | "height"): string | undefined =>
    length(checkRaw[k], "agreeStyle.checkedButton." + k) || length(checkDefaults[k], "");
  const agreement = ctl.agreement({
    className: "ydrz-page-agreement",
    agreeArr: hrefRaw.agreeArr,
    linkColor: colour(hrefRaw.fontColor, "agreeStyle.hrefStyle.fontColor") || D.agreeStyle.hrefStyle.fontColor,
    linkFontSize: length(hrefRaw.fontSize, "agreeStyle.hrefStyle.fontSize", { percent: false }),
    linkFontFamily: readBox({ fontFamily: hrefRaw.fontFamily }, "agreeStyle.hrefStyle").fontFamily,
    look: {
      width: size("width"),
      height: size("height"),
      uncheckColor: colour(checkRaw.uncheckColor, "agreeStyle.checkedButton.uncheckColor") || checkDefaults.uncheckColor,
      checkedColor: colour(checkRaw.checkedColor, "agreeStyle.checkedButton.checkedColor") || checkDefaults.checkedColor,
      uncheckUrl: typeof checkRaw.uncheckUrl === "string" ? checkRaw.uncheckUrl : undefined,
      // `url` (§3.6.2 table) is the ticked image; `checkedUrl` (§3.6.1 example) says the same.
      checkedUrl: typeof checkRaw.checkedUrl === "string" && checkRaw.checkedUrl ? checkRaw.checkedUrl : typeof checkRaw.url === "string" ? checkRaw.url : undefined,
    },
  });
  place(agreement.el, "agreeStyle", { width: undefined, height: undefined, bgColor: undefined });

  // Submit.
  const submitRaw = obj(o.submitBtnStyle);
  const submitBox = box(D.submitBtnStyle, submitRaw, "submitBtnStyle");
  const submit = h("button", {
    id: "YDRZ_Submitbtn",
    className: "ydrz-submit-btn ydrz-page-submit",
    text: textOption(submitRaw.name, D.submitBtnStyle.name),
      });
  if (submitBox.top === undefined) submit.classList.add("ydrz-page-submit-default");
  applyBox(submit, submitBox);
  page.appendChild(submit);

  const control = createCustomControl(o.customControlStyle, "customControlStyle", readBox(D.customControlStyle, ""), L);
  if (control) {
    if (!control.classList.contains("ydrz-placed")) control.classList.add("ydrz-page-control-default");
    page.appendChild(control);
  }

  return ctl.mount({
    root: wrap,
    dialog: page,
    titleId: titleText.trim() !== "" ? titleId : undefined,
    label: D.titleStyle.name,
    modal: true,
    parent: document.body,
    overlayHost: wrap,
    padTarget: page,
    digits,
    agreement,
    submit,
    cancelButtons: [back],
    errorTip,
  });
}
