/**
 * The agreement line: a checkbox, then "我已阅读同意" (authLevel "1") or "请补充完整号码同意"
 * (authLevel "4"), the carrier's own agreement, the gateway's privacy links, the integrator's
 * `agreeArr`, "并授权", the business name and "使用此号码". Names are text; a link whose URL
 * fails the allow-list is shown as plain text.
 */

import type { Carrier } from "../protocol/hosts";
import type { ViewModel } from "./contract";
import type { AgreementLink } from "../sdk/types";
import { classNames, h, icon, img, uid } from "./dom";
import { applyBox, type Box } from "./layout";
import { obj, textOption } from "./options";
import { safeUrl } from "./sanitize";

/**
 * Each name starts with "《" and the carrier's own name ("中国移动"…): the page's tip line reads
 * it there.
 */
export const CARRIER_AGREEMENTS: Readonly<Record<Carrier, AgreementLink>> = {
  CM: {
    name: "《中国移动认证服务协议》",
    url: "https://wap.cmpassport.com/resources/html/contract.html",
  },
  CT: {
    name: "《中国电信天翼账号服务条款》",
    url: "https://e.189.cn/sdk/agreement/detail.do?hidetop=true",
  },
  CU: {
    name: "《中国联通认证服务协议》",
    url: "https://opencloud.wostore.cn/authz/resource/html/disclaimer.html?fromsdk=true",
  },
};

/** What a view sets of its agreement line (the rest comes from the model). */
export interface AgreementOptions {
  id?: string;
  className?: string;
  /** The business name, when the view's options override `model.appName`. */
  appName?: string;
  agreeArr?: unknown;
  /** Each link's look (an option box: fontColor, fontSize, fontFamily). */
  link?: Box;
  /** The check box's look (width, height, uncheckColor, checkedColor). */
  box?: Box;
  /** The image of the unticked box; it passes the image URL allow-list here. */
  uncheckUrl?: unknown;
  /** The image of the ticked box; it passes the image URL allow-list here. */
  checkedUrl?: unknown;
}

/** Untrusted link lists (the gateway's and the integrator's) count up to this many entries. */
const LINKS_MAX = 10;

/** The entries of an untrusted list: at most LINKS_MAX, none when it is no array. */
function firstEntries(list: unknown): unknown[] {
  return Array.isArray(list) ? (list as unknown[]).slice(0, LINKS_MAX) : [];
}

/** Shows the image `raw` (when its URL passes) for the box's `state`, over the drawn tick. */
function addStateImage(box: HTMLElement, raw: unknown, state: "on" | "off"): void {
  const url = safeUrl(raw, "image");
  if (!url) return;
  box.classList.add("ydrz-has-" + state + "-img");
  box.append(img(url, "ydrz-check-img ydrz-check-img-" + state));
}

/** One entry's link; when its URL fails the allow-list, its name as plain text. */
function agreementLink(name: string, url: string | undefined): HTMLElement {
  if (!url) return h("span", "ydrz-agree-link ydrz-agree-link-plain", {}, [name]);
  const attrs = { href: url, target: "_blank", rel: "noopener noreferrer" };
  return h("a", "ydrz-agree-link", attrs, [name]);
}

/** The line, its checkbox `#checkboxId` first; `onChange` runs on each tick and untick. */
export function createAgreement(
  model: ViewModel,
  checkboxId: string,
  onChange: () => void,
  opts: AgreementOptions,
): HTMLElement {
  const textId = uid("ydrz-agree-text-");
  const checkbox = h("input", "ydrz-checkbox", {
    id: checkboxId,
    type: "checkbox",
    "aria-labelledby": textId,
  });
  const box = h("span", "ydrz-check-box", { "aria-hidden": "true" }, [
    icon("check", "ydrz-check-icon"),
  ]);
  applyBox(box, opts.box || {}, true);
  addStateImage(box, opts.uncheckUrl, "off");
  addStateImage(box, opts.checkedUrl, "on");

  const intro = model.authLevel === "4" ? "请补充完整号码同意" : "我已阅读同意";
  const text = h("span", "ydrz-agree-text", { id: textId }, [intro]);
  // Only a name that is text and not blank makes a link.
  const items: unknown[] = [
    CARRIER_AGREEMENTS[model.carrier],
    ...firstEntries(model.privacyLinks),
    ...firstEntries(opts.agreeArr),
  ];
  for (const item of items) {
    const name = textOption(obj(item).name, "");
    if (!name.trim()) continue;
    const link = agreementLink(name, safeUrl(obj(item).url));
    text.append(link);
    applyBox(link, opts.link || {}, true);
  }
  const appName = opts.appName ?? model.appName;
  text.append("并授权", h("span", "ydrz-app-name", {}, [appName]), "使用此号码");

  checkbox.addEventListener("change", onChange);
  const label = h("label", "ydrz-check", { for: checkboxId }, [checkbox, box]);
  return h("div", classNames("ydrz-agreement", opts.className), { id: opts.id }, [label, text]);
}
