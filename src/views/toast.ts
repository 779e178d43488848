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

/** Toast and loading: each an SDK root of its own (for the scoped CSS) and a polite live region. */
function status(host: HTMLElement, id: string, className: string, child: HTMLElement): HTMLElement {
  return host.appendChild(h("div", { id, className: "ydrz-root " + className, attrs: { role: "status", "aria-live": "polite" } }, [child]));
}

/** One toast per view; a new message replaces the current one and restarts the timer. */
export function createToast(host: HTMLElement): Toast {
  let el: HTMLElement | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const hide = (): void => {
    clearTimeout(timer);
    // Removing a toast that is already gone does nothing.
    if (el) el.remove();
  };
  return {
    show(text) {
      hide();
      el = status(host, "YDRZToast", "ydrz-toast-wrap", h("div", { className: "ydrz-toast", text }));
      timer = setTimeout(hide, TOAST_MS);
    },
    destroy: hide,
  };
}

export function createLoading(host: HTMLElement): Loading {
  let el: HTMLElement | undefined;
  const set = (on: boolean): void => {
    if (on && !el) {
      el = status(
        host,
        "YDRZLoad",
        "ydrz-loading-wrap",
        h("div", { className: "ydrz-loading" }, [
          h("span", { className: "ydrz-spinner", attrs: { "aria-hidden": "true" } }),
          h("span", { className: "ydrz-loading-text", text: "请稍候..." }),
        ]),
      );
    } else if (!on && el) {
      el.remove();
      el = undefined;
    }
  };
  return { set, destroy: () => set(false) };
}
