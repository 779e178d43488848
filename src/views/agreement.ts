/**
 * The agreement line: a checkbox, then "我已阅读同意" (authLevel "1") or "请补充完整号码同意"
 * (authLevel "4"), the carrier's own agreement, the gateway's privacy links, the integrator's
 * `agreeArr`, "并授权", the business name and "使用此号码". Names are text; a link whose URL
 * fails the allow-list is shown as plain text.
 */

import type { Carrier } from "../protocol/hosts";
import type { ViewModel } from "./contract";
import type { AgreementLink } from "../sdk/types";
import { h, icon, img } from "./dom";
import { obj } from "./options";
import { safeUrl, setStyle, toText } from "./sanitize";

export const CARRIER_AGREEMENTS: Readonly<Record<Carrier, AgreementLink>> = {
  CM: { name: "《中国移动认证服务协议》", url: "https://wap.cmpassport.com/resources/html/contract.html" },
  CT: { name: "《中国电信天翼账号服务条款》", url: "https://e.189.cn/sdk/agreement/detail.do?hidetop=true" },
  CU: { name: "《中国联通认证服务协议》", url: "https://opencloud.wostore.cn/authz/resource/html/disclaimer.html?fromsdk=true" },
};

export interface CheckboxLook {
  width?: string;
  height?: string;
  uncheckColor?: string;
  checkedColor?: string;
  uncheckUrl?: string;
  checkedUrl?: string;
}

/** What a view sets of its agreement line (the rest comes from the model). */
export interface AgreementOptions {
  id?: string;
  className?: string;
  /** The business name, when the view's options override `model.appName`. */
  appName?: string;
  agreeArr?: unknown;
  linkColor?: string;
  linkFontSize?: string;
  linkFontFamily?: string;
  look?: CheckboxLook;
}

let uid = 0;

/** At most this many links from each untrusted list. */
const MAX_LINKS = 10;

const list = (value: unknown): unknown[] => (Array.isArray(value) ? value.slice(0, MAX_LINKS) : []);

/** The line, its checkbox `#checkboxId` first; `onChange` runs on each tick and untick. */
export function createAgreement(model: ViewModel, checkboxId: string, onChange: () => void, opts: AgreementOptions): HTMLElement {
  const textId = "ydrz-agree-text-" + ++uid;
  const checkbox = h("input", "ydrz-checkbox", { id: checkboxId, type: "checkbox", "aria-labelledby": textId });
  const box = h("span", "ydrz-check-box", { "aria-hidden": "true" }, [icon("check", "ydrz-check-icon")]);
  const look = opts.look || {};
  setStyle(box, "width", look.width);
  setStyle(box, "height", look.height);
  setStyle(box, "--ydrz-check-off", look.uncheckColor);
  setStyle(box, "--ydrz-check-on", look.checkedColor);
  for (const [state, raw] of [["off", look.uncheckUrl], ["on", look.checkedUrl]]) {
    const url = safeUrl(raw, "image");
    if (url) {
      box.classList.add("ydrz-has-" + state + "-img");
      box.appendChild(img(url, "ydrz-check-img ydrz-check-img-" + state));
    }
  }

  const appName = h("span", "ydrz-app-name", 0, [opts.appName == null ? model.appName : opts.appName]);
  const text = h("span", "ydrz-agree-text", { id: textId });
  text.append(model.authLevel == "4" ? "请补充完整号码同意" : "我已阅读同意");
  for (const item of [CARRIER_AGREEMENTS[model.carrier] || CARRIER_AGREEMENTS.CM, ...list(model.privacyLinks), ...list(opts.agreeArr)]) {
    // Untrusted entries: only a name that is text and not blank makes one; its URL may fail.
    const link = obj(item);
    const name = toText(link.name, "");
    if (!name.trim()) continue;
    const url = safeUrl(link.url, "link");
    const node = url
      ? h("a", "ydrz-agree-link", { href: url, target: "_blank", rel: "noopener noreferrer" }, [name])
      : h("span", "ydrz-agree-link ydrz-agree-link-plain", 0, [name]);
    setStyle(node, "color", opts.linkColor);
    setStyle(node, "font-size", opts.linkFontSize);
    setStyle(node, "font-family", opts.linkFontFamily);
    text.appendChild(node);
  }
  text.append("并授权", appName, "使用此号码");

  const el = h("div", "ydrz-agreement" + (opts.className ? " " + opts.className : ""), { id: opts.id }, [
    h("label", "ydrz-check", { for: checkboxId }, [checkbox, box]),
    text,
  ]);
  checkbox.addEventListener("change", onChange);
  return el;
}
