/**
 * What all views share once their DOM is built: digits ↔ keypad ↔ agreement ↔ submit,
 * the submit/ready/auto-submit rules, busy/wrongDigits/toast (short messages and the loading
 * state), dialog behaviour and a destroy that removes every node and listener and gives focus
 * and scrolling back.
 */

import type { MountedView, ViewHandlers, ViewModel } from "./contract";
import { createAgreement, type AgreementOptions } from "./agreement";
import { openDialog } from "./dialog";
import { createDigits, type Digits } from "./digits";
import { classNames, h, Listeners, safeCall as call } from "./dom";

/** How long a toast stays. */
export const TOAST_MS = 1500;

/**
 * - "button": a submit button asks for the token (standard views, custom page, custom popup
 *   level 1 with mask)
 * - "auto": submits by itself once digits are complete and the agreement ticked (custom popup
 *   with mask)
 * - "ready": never submits; reports readiness (custom popup without mask:
 *   `authGetTokenByLayer`)
 */
export type SubmitMode = "button" | "auto" | "ready";

/** The submit button of a view (`Controller.submit`). */
export interface SubmitButtonOptions {
  /** Its text. */
  text: string;
  /** Appended to its id `YDRZ_Submitbtn` (e.g. "_two" for the custom popup). */
  idSuffix?: string;
  /** A class besides `ydrz-submit-btn`. */
  className?: string;
}

/** How a built view is shown (`Controller.mount`). */
export interface MountOptions {
  /** The view's outermost element. */
  root: HTMLElement;
  /** The element that gets the dialog role (inside `root`). */
  dialog: HTMLElement;
  /** The buttons that cancel (close, return). */
  cancelButtons: HTMLElement[];
  /** The id of the view's title, which names the dialog (else TITLE does). */
  titleId?: string;
  /**
   * The custom popup without mask is drawn inside it and is not modal (toast, loading and keypad
   * go to <body>); without it the root goes to <body> and is modal, and the root hosts toast,
   * loading and keypad.
   */
  container?: HTMLElement;
  /** What the keypad pads at the bottom while open (default: where it is hosted). */
  padTarget?: HTMLElement;
}

export interface Controller {
  listeners: Listeners;
  /** The error tip (`#YDRZErrorTips`): the view places it. */
  tip: HTMLElement;
  /** The number, wired to this controller (ids: inputIdPrefix + index). Called once. */
  digits(className: string, inputIdPrefix: string, id?: string): Digits;
  /**
   * The agreement line, wired to this controller; checkbox id `YDRZ_Checkbox_l1|4` + idSuffix.
   * Called once.
   */
  agreement(opts: AgreementOptions, idSuffix?: string): HTMLElement;
  /** The submit button, wired to this controller. Called at most once. */
  submit(options: SubmitButtonOptions): HTMLElement;
  /** Shows the built view (see `MountOptions`). */
  mount(options: MountOptions): MountedView;
}

export function createController(
  model: ViewModel,
  handlers: ViewHandlers,
  mode: SubmitMode,
): Controller {
  const listeners = new Listeners();
  const entry = model.authLevel === "4";
  const tip = h("p", "ydrz-error-tips", {
    id: "YDRZErrorTips",
    "aria-live": "assertive",
    "aria-atomic": "true",
  });
  // Set while the view is built, before `mount`.
  let digits: Digits;
  let checkbox: HTMLInputElement;
  let submitBtn: HTMLElement | undefined;
  // Set by `mount`.
  let root: HTMLElement;
  let dialogEl: HTMLElement;
  let host: HTMLElement;
  let closeDialog: () => void;
  /** The toast (`YDRZToast`) and the loading state (`YDRZLoad`) shown, by id. */
  const shown: Record<string, HTMLElement | undefined> = {};
  let toastTimer: ReturnType<typeof setTimeout> | undefined;
  /** From a submit until the flow answers (busy(false), wrongDigits), and while it runs. */
  let busy = false;
  let wasReady = false;
  let cancelled = false;
  let destroyed = false;

  const complete = (): boolean => digits.value().length === digits.inputs.length;

  const ready = (): void => {
    call(() => {
      if (handlers.ready) handlers.ready();
    });
  };

  const submit = (): void => {
    if (busy) return;
    busy = true;
    const value = digits.value();
    call(() => handlers.submit(value));
  };

  /**
   * Shows `child` as the toast or the loading state (an SDK root and a polite live region), or
   * without a child hides it.
   */
  const status = (id: string, className: string, child?: Node): void => {
    const old = shown[id];
    if (old) old.remove();
    shown[id] = undefined;
    if (!child) return;
    const attrs = { id, role: "status", "aria-live": "polite" };
    shown[id] = host.appendChild(h("div", classNames("ydrz-root", className), attrs, [child]));
  };

  /**
   * One toast per view: a new message replaces the current one and restarts the timer; without
   * a text it is hidden.
   */
  const toast = (text?: string): void => {
    clearTimeout(toastTimer);
    if (text === undefined) {
      status("YDRZToast", "ydrz-toast-wrap");
      return;
    }
    status("YDRZToast", "ydrz-toast-wrap", h("div", "ydrz-toast", {}, [text]));
    toastTimer = setTimeout(toast, TOAST_MS);
  };

  const loading = (on: boolean): void => {
    if (!on) {
      status("YDRZLoad", "ydrz-loading-wrap");
      return;
    }
    const spinner = h("div", "ydrz-loading", {}, [
      h("span", "ydrz-spinner", { "aria-hidden": "true" }),
      h("span", "ydrz-loading-text", {}, ["请稍候..."]),
    ]);
    status("YDRZLoad", "ydrz-loading-wrap", spinner);
  };

  const refresh = (): void => {
    const done = complete();
    if (submitBtn) {
      submitBtn.classList.toggle("ydrz-disabled", !done);
      submitBtn.setAttribute("aria-disabled", String(!done || busy));
    }
    const now = done && checkbox.checked;
    if (now && !wasReady) {
      if (mode === "auto") submit();
      else if (mode === "ready") ready();
    }
    wasReady = now;
  };

  const cancel = (): void => {
    if (cancelled) return;
    cancelled = true;
    call(() => handlers.cancel());
  };

  const view: MountedView = {
    busy(on) {
      if (destroyed) return;
      busy = on;
      // A hint such as "请阅读服务协议" is stale once the request runs; it would sit on the spinner.
      if (on) toast();
      loading(on);
      root.classList.toggle("ydrz-busy", on);
      dialogEl.setAttribute("aria-busy", String(on));
      for (const input of digits.inputs) input.readOnly = on;
      if (on) digits.close();
      refresh();
    },
    wrongDigits() {
      if (destroyed) return;
      tip.hidden = false;
      tip.textContent = "号码有误，请重新填写";
      for (const input of digits.inputs) {
        input.setAttribute("aria-invalid", "true");
        input.value = "";
      }
      view.busy(false);
      digits.focus();
    },
    toast(text) {
      if (!destroyed) toast(String(text));
    },
    state: () => ({ digits: digits.value(), complete: complete(), agreed: checkbox.checked }),
    destroy() {
      if (destroyed) return;
      destroyed = true;
      digits.close();
      toast();
      loading(false);
      // The dialog's own listeners first: its focus trap would keep focus from going back.
      listeners.clear();
      closeDialog();
      root.remove();
    },
  };

  const changed = (): void => {
    if (tip.textContent && digits.value()) {
      tip.textContent = "";
      for (const input of digits.inputs) input.removeAttribute("aria-invalid");
    }
    refresh();
  };

  return {
    listeners,
    tip,
    digits(className, inputIdPrefix, id) {
      digits = createDigits({
        maskPhone: model.maskPhone,
        entry,
        className,
        inputIdPrefix,
        id,
        describedBy: tip.id,
        listeners,
        changed,
      });
      // Nothing to get wrong when the number is only shown (authLevel "1"): no reserved line.
      tip.hidden = !digits.inputs.length;
      return digits;
    },
    agreement(opts, idSuffix = "") {
      const level = entry ? "4" : "1";
      const el = createAgreement(model, "YDRZ_Checkbox_l" + level + idSuffix, refresh, opts);
      checkbox = el.querySelector("input")!;
      return el;
    },
    submit({ text, idSuffix = "", className }) {
      submitBtn = h(
        "button",
        classNames("ydrz-submit-btn", className),
        { id: "YDRZ_Submitbtn" + idSuffix },
        [text],
      );
      listeners.on(submitBtn, "click", () => {
        if (busy) return;
        if (!complete()) {
          toast("未补齐4位号码");
          digits.focus();
        } else if (!checkbox.checked) {
          toast("请阅读服务协议");
        } else if (mode === "ready") {
          ready();
        } else {
          submit();
        }
      });
      return submitBtn;
    },
    mount(options) {
      const container = options.container;
      const body = document.body;
      host = container ? body : options.root;
      root = options.root;
      dialogEl = options.dialog;
      digits.place(host, options.padTarget || host);
      for (const button of options.cancelButtons) listeners.on(button, "click", cancel);
      (container || body).appendChild(root);
      closeDialog = openDialog({
        root,
        dialog: dialogEl,
        labelledBy: options.titleId,
        modal: !container && !model.rehearsal,
        onEscape: cancel,
        listeners,
      });
      refresh();
      return view;
    },
  };
}
