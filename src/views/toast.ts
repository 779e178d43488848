/** Short messages (1.5 s) and the loading state, both announced to assistive technology. */

import { h } from "./dom";

export const TOAST_MS = 1500;

export const TEXTS = {
  loading: "请稍候...",
  wrongDigits: "号码有误，请重新填写",
  readAgreement: "请阅读服务协议",
  digitsIncomplete: "未补齐4位号码",
  agreementUnticked: "未勾选协议",
} as const;

export interface Toast {
  show(text: string): void;
  destroy(): void;
}

/** Toast and loading: each an SDK root of its own (for the scoped CSS) and a polite live region. */
const status = (id: string, className: string, content: HTMLElement[]): HTMLElement =>
  h("div", { id, className: "ydrz-root " + className, attrs: { role: "status", "aria-live": "polite" } }, content);

/** One toast per view; a new message replaces the current one and restarts the timer. */
export function createToast(host: HTMLElement): Toast {
  let el: HTMLElement | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const hide = (): void => {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
    if (el) el.remove();
    el = undefined;
  };
  return {
    show(text) {
      hide();
      el = status("YDRZToast", "ydrz-toast-wrap", [h("div", { className: "ydrz-toast", text: String(text) })]);
      host.appendChild(el);
      timer = setTimeout(hide, TOAST_MS);
    },
    destroy: hide,
  };
}

export interface Loading {
  set(on: boolean): void;
  destroy(): void;
}

export function createLoading(host: HTMLElement): Loading {
  let el: HTMLElement | undefined;
  return {
    set(on) {
      if (on && !el) {
        el = status("YDRZLoad", "ydrz-loading-wrap", [
          h("div", { className: "ydrz-loading" }, [
            h("span", { className: "ydrz-spinner", attrs: { "aria-hidden": "true" } }),
            h("span", { className: "ydrz-loading-text", text: TEXTS.loading }),
          ]),
        ]);
        host.appendChild(el);
      } else if (!on && el) {
        el.remove();
        el = undefined;
      }
    },
    destroy() {
      if (el) el.remove();
      el = undefined;
    },
  };
}
