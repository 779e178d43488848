/** Short messages (1.5 s) and the loading state, both announced to assistive technology. */

import { h } from "./dom";

export const TOAST_MS = 1500;

/** The texts the controller shows (the flow's own texts arrive through `toast(text)`). */
export const TEXTS = {
  wrongDigits: "号码有误，请重新填写",
  readAgreement: "请阅读服务协议",
  digitsIncomplete: "未补齐4位号码",
} as const;

export interface Toast {
  show(text: string): void;
  destroy(): void;
}

export interface Loading {
  set(on: boolean): void;
  destroy(): void;
}

/**
 * One element at a time in `host`, each an SDK root of its own (for the scoped CSS) and a polite
 * live region: `put(id, className, child)` replaces the current one, `put()` removes it.
 */
function slot(host: HTMLElement): (id?: string, className?: string, child?: HTMLElement) => void {
  let el: HTMLElement | undefined;
  return (id, className, child) => {
    if (el) el.remove();
    el = id ? h("div", { id, className: "ydrz-root " + className, attrs: { role: "status", "aria-live": "polite" } }, [child]) : undefined;
    if (el) host.appendChild(el);
  };
}

/** One toast per view; a new message replaces the current one and restarts the timer. */
export function createToast(host: HTMLElement): Toast {
  const put = slot(host);
  let timer: ReturnType<typeof setTimeout> | undefined;
  const hide = (): void => {
    clearTimeout(timer);
    put();
  };
  return {
    show(text) {
      hide();
      put("YDRZToast", "ydrz-toast-wrap", h("div", { className: "ydrz-toast", text }));
      timer = setTimeout(hide, TOAST_MS);
    },
    destroy: hide,
  };
}

export function createLoading(host: HTMLElement): Loading {
  const put = slot(host);
  let shown = false;
  const set = (on: boolean): void => {
    // Only a change re-renders: a live region added again would be announced again.
    if (on !== shown) {
      shown = on;
      if (on) {
        put(
          "YDRZLoad",
          "ydrz-loading-wrap",
          h("div", { className: "ydrz-loading" }, [
            h("span", { className: "ydrz-spinner", attrs: { "aria-hidden": "true" } }),
            h("span", { className: "ydrz-loading-text", text: "请稍候..." }),
          ]),
        );
      } else put();
    }
  };
  return { set, destroy: () => set(false) };
}
