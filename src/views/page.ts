/**
 * The full-page views, drawn in-page (the original loads a carrier-hosted page in an iframe):
 * the standard page (any other authPageType, built-in defaults) and the custom page
 * (authPageType "3", every field of the custom page's option table).
 */

import type { MountedView, ViewHandlers, ViewModel } from "./contract";
import { CARRIER_AGREEMENTS } from "./agreement";
import { createController } from "./controller";
import { createCustomControl } from "./custom-control";
import { h, icon, iconButton, img, TITLE, uid } from "./dom";
import { applyBox, applyGroup, readBox, type Box, type Defaults } from "./layout";
import { colour, obj, textOption } from "./options";
import { safeUrl, setStyle } from "./sanitize";

/**
 * The documented example Options are the original page's look: they are our defaults, in px
 * (its rem count 12px), less its PingFang font names (the root font stack already starts with the
 * phone's system font) and its `left: "center"` (a placed box without `left` is centred).
 * The submit button has no `high` by default: it sits near the bottom (.ydrz-page-submit-default).
 */
const PAGE_DEFAULTS: Record<string, Defaults> = {
  titleStyle: {
    fontSize: 15.96,
    fontColor: "#444",
    width: "70%",
    height: 21.96,
    high: 12,
    textAlign: "center",
  },
  logoStyle: { width: 83.52, height: 87.84, high: 94.8 },
  authTextStyle: {
    fontSize: 12.96,
    fontColor: "#444",
    width: "100%",
    textAlign: "center",
    high: 273,
    fontWeight: 500,
  },
  phoneNumStyle: {
    fontSize: 24.96,
    fontColor: "#444",
    bgColor: "#fff",
    fontWeight: 600,
    width: 185.04,
    high: 234.96,
  },
  tipStyle: { fontSize: 11.04, fontColor: "#999", high: 324 },
  agreeStyle: { fontSize: 12, fontColor: "#999", high: 366.96 },
  returnBtnStyle: { width: 7.8, height: 13.2, left: 12, high: 12 },
  submitBtnStyle: {
    fontSize: 16,
    fontColor: "#fff",
    bgColor: "#1B82EB",
    width: "85%",
    height: 44,
    borderRadius: 22,
    textAlign: "center",
  },
};

/** The custom page reads `checkedUrl` (the documented example) before `url` (the table). */
function checkedImage(check: Record<string, unknown>): unknown {
  if (typeof check.checkedUrl === "string" && check.checkedUrl) return check.checkedUrl;
  return check.url;
}

export function mountPage(model: ViewModel, handlers: ViewHandlers): MountedView {
  const custom = model.kind === "custom-page";
  const o = custom ? obj(model.pageOptions) : {};
  const group = (key: string): Record<string, unknown> => obj(o[key]);
  const ctl = createController(model, handlers, "button");

  // The standard page knows where its parts end: it is no taller than they are (styles/ydrz.css).
  const page = h("div", custom ? "ydrz-page" : "ydrz-page ydrz-page-std");
  const wrap = h("div", "ydrz-root ydrz-page-wrap", { id: "YDRZPage" }, [page]);
  setStyle(wrap, "background-color", colour(o.bgColor, "bgColor") || "#fff");
  /** Appends `el` to the page, styled from the option group `key` over its default. */
  const place = (el: HTMLElement, key: string): Box => {
    page.appendChild(el);
    return applyGroup(el, { raw: o[key], field: key, defaults: PAGE_DEFAULTS[key] });
  };

  // Return button: configured box = the icon; 44px hit area centred on it by CSS.
  const back = iconButton({
    id: "YDRZ_Returnbtn",
    className: "ydrz-return-btn",
    label: "返回",
    icon: "back",
    imageUrl: group("returnBtnStyle").url,
    imageClass: "ydrz-return-img",
  });
  place(back, "returnBtnStyle");

  // Title ("" allowed: no title).
  const titleText = textOption(group("titleStyle").name, TITLE, true);
  const titleId = titleText.trim() ? uid("ydrz-page-title-") : undefined;
  if (titleId) {
    place(h("h1", "ydrz-title ydrz-page-title", { id: titleId }, [titleText]), "titleStyle");
  }

  // Logo: the integrator's image, or an inline mark (painting needs no request).
  const logoUrl = safeUrl(group("logoStyle").url, "image");
  const logo = logoUrl
    ? img(logoUrl, "ydrz-logo")
    : h("div", "ydrz-logo ydrz-logo-default", { "aria-hidden": "true" }, [
        icon("phone", "ydrz-logo-icon"),
      ]);
  place(logo, "logoStyle");

  // Number: its cells sized by `inputStyle`; the error tip follows it wherever it was placed.
  const phoneClass = model.authLevel === "4" ? "ydrz-auth-phone" : "ydrz-maskphone";
  const digits = ctl.digits(phoneClass + " ydrz-page-phone", "inputVal", "YDRZ_InputPhone");
  const phoneTop = place(digits.el, "phoneNumStyle").high;
  const cell = readBox(group("phoneNumStyle").inputStyle, "phoneNumStyle.inputStyle", {
    width: 21.96,
    height: 26.04,
  });
  for (const input of digits.inputs) applyBox(input, cell, true);
  const tip = ctl.tip;
  tip.classList.add("ydrz-placed", "ydrz-center-x", "ydrz-page-error");
  // Without a placed number the calc() is invalid and the engine keeps the stylesheet's top.
  setStyle(tip, "top", `calc(${String(phoneTop)} - 1.6em)`);
  page.append(tip);

  // Auth text: "{appName}申请使用您的本机号码登录".
  const appName = h("span", "ydrz-app-name", {}, [model.appName]);
  setStyle(
    appName,
    "color",
    colour(group("authTextStyle").appNameColor, "authTextStyle.appNameColor") || "#444",
  );
  place(h("p", "ydrz-auth-text", {}, [appName, "申请使用您的" + TITLE]), "authTextStyle");

  // Tip line: "中国移动" / "中国电信" / "中国联通" are characters 1–4 of the carrier
  // agreement's name.
  const carrierName = CARRIER_AGREEMENTS[model.carrier].name.slice(1, 5);
  const tipText = textOption(group("tipStyle").text, "认证服务由" + carrierName + "提供");
  place(h("p", "ydrz-tip", {}, [tipText]), "tipStyle");

  // Agreement.
  const agree = group("agreeStyle");
  const check = obj(agree.checkedButton);
  const href = obj(agree.hrefStyle);
  const agreement = ctl.agreement({
    className: "ydrz-page-agreement",
    agreeArr: href.agreeArr,
    link: readBox(href, "agreeStyle.hrefStyle", { fontColor: "#1E82EB" }),
    box: readBox(check, "agreeStyle.checkedButton", {
      width: 15.96,
      height: 15.96,
      uncheckColor: "#cccccc",
      checkedColor: "#1E82EB",
    }),
    uncheckUrl: check.uncheckUrl,
    checkedUrl: checkedImage(check),
  });
  place(agreement, "agreeStyle");

  // Submit.
  const submit = ctl.submit({
    text: textOption(group("submitBtnStyle").name, TITLE),
    className: "ydrz-page-submit",
  });
  if (!place(submit, "submitBtnStyle").high) submit.classList.add("ydrz-page-submit-default");

  const control = createCustomControl(o.customControlStyle, ctl.listeners);
  if (control) {
    if (!control.classList.contains("ydrz-placed")) {
      control.classList.add("ydrz-page-control-default");
    }
    page.append(control);
  }

  return ctl.mount({ root: wrap, dialog: page, cancelButtons: [back], titleId, padTarget: page });
}
