/**
 * The custom control (`customControlStyle`) and the gateway's custom buttons
 * (`customControlsConf`): link-buttons to the integrator's fallback, e.g. SMS login.
 * An `onClick` callback runs first; it may call `preventDefault()` to stay in a SPA.
 */

import { h, Listeners, safeCall } from "./dom";
import { style } from "./layout";
import { flag, obj, textOption } from "./options";
import { safeUrl } from "./sanitize";

/** A link when the URL passes the allow-list, else a plain button. */
function linkButton(
  className: string,
  name: string,
  url: unknown,
  listeners: Listeners,
  onClick?: unknown,
): HTMLElement {
  const href = safeUrl(url);
  const el = h(href ? "a" : "button", className, { href }, [name]);
  if (typeof onClick == "function")
    listeners.on(el, "click", (event) => safeCall(() => onClick(event)));
  return el;
}

/** `customControlStyle` of §3.5.3/§3.6.2 (both views: 14px, #1B82EB); undefined when `ifShow` is not set. */
export function createCustomControl(raw: unknown, listeners: Listeners): HTMLElement | undefined {
  const o = obj(raw);
  if (flag(o.ifShow, false)) {
    const el = linkButton(
      "ydrz-custom-control",
      textOption(o.name, "其他登录方式"),
      o.url,
      listeners,
      o.onClick,
    );
    style(el, o, "customControlStyle", { fontSize: 14, fontColor: "#1B82EB" });
    return el;
  }
}

/**
 * `customControlsConf` of the standard popup: a JSON string (or, defensively, an array/object)
 * of at most 3 buttons; undefined when none is shown.
 */
export function createDefinedButtons(
  value: unknown,
  listeners: Listeners,
): HTMLElement | undefined {
  let list = value;
  try {
    if (typeof value == "string") list = JSON.parse(value);
  } catch {
    return;
  }
  const wrap = h("div", "ydrz-defined");
  ([] as unknown[])
    .concat(list)
    .slice(0, 3)
    .forEach((raw, i) => {
      const item = obj(raw);
      const name = textOption(item.name || item.text, "");
      if (name && flag(item.ifShow, true))
        style(
          wrap.appendChild(linkButton("ydrz-defined-btn", name, item.url || item.href, listeners)),
          item,
          `customControlsConf[${i}]`,
          {},
          true,
        );
    });
  return wrap.firstChild ? wrap : undefined;
}
