/**
 * What all views share once their DOM is built: digits ↔ keypad ↔ agreement ↔ submit,
 * the submit/ready/auto-submit rules, busy/wrongDigits/toast, dialog behaviour and a destroy
 * that removes every node and listener and gives focus and scrolling back.
 */

import type { MountedView, ViewHandlers, ViewModel, ViewState } from "./contract";
import { createAgreement, type Agreement, type AgreementOptions } from "./agreement";
import { openDialog, type DialogHandle } from "./dialog";
import { createDigits, type Digits } from "./digits";
import { h, Listeners, safeCall as call } from "./dom";
import { createKeypad, type Keypad } from "./keypad";
import { createLoading, createToast, TEXTS, type Loading, type Toast } from "./toast";

/**
 * - "button": a submit button asks for the token (standard views, custom page, custom popup level 1 with mask)
 * - "auto": submits by itself once digits are complete and the agreement ticked (custom popup with mask)
 * - "ready": never submits; reports readiness (custom popup without mask: `authGetTokenByLayer`)
 */
/** The views' title, submit text and, without a title, their accessible name. */
export const TITLE = "本机号码登录";

export type SubmitMode = "button" | "auto" | "ready";

export interface Controller {
  listeners: Listeners;
  /** The error tip (`#YDRZErrorTips`): the view places it. */
  tip: HTMLElement;
  /** The number, wired to this controller (ids: inputIdPrefix + index). Called once. */
  digits(className: string, inputIdPrefix: string, id?: string): Digits;
  /** The agreement line, wired to this controller; checkbox id `YDRZ_Checkbox_l1|4` + idSuffix. Called once. */
  agreement(opts: Partial<AgreementOptions>, idSuffix?: string): Agreement;
  /** The submit button `#YDRZ_Submitbtn` + idSuffix, wired to this controller. Called at most once. */
  submit(text: string, idSuffix?: string, className?: string): HTMLElement;
  /**
   * Shows the built view. `container`: the custom popup without mask is drawn inside it and is
   * not modal (toast, loading and keypad go to <body>); otherwise the root goes to <body> and is
   * modal, and the root hosts toast, loading and keypad. `padTarget`: what the keypad pads at the
   * bottom while open (default: where it is hosted).
   */
  mount(root: HTMLElement, dialog: HTMLElement, cancelButtons: HTMLElement[], titleId?: string, container?: HTMLElement, padTarget?: HTMLElement): MountedView;
}

/** The nearest ancestor that scrolls (a page view, a popup's overlay); none: the window. */
function scrollParent(el: HTMLElement): HTMLElement | undefined {
  const doc = el.ownerDocument;
  for (let node = el.parentElement; node && node != doc.body && node != doc.documentElement; node = node.parentElement) {
    const overflowY = getComputedStyle(node).overflowY;
    if ((overflowY == "auto" || overflowY == "scroll") && node.scrollHeight > node.clientHeight) return node;
  }
}

export function createController(model: ViewModel, handlers: ViewHandlers, mode: SubmitMode): Controller {
  const listeners = new Listeners();
  const entry = model.authLevel == "4";
  const tip = h("p", { id: "YDRZErrorTips", className: "ydrz-error-tips", attrs: { "aria-live": "assertive", "aria-atomic": "true" } });
  // Set while the view is built, before `mount`.
  let digits: Digits;
  let agreement: Agreement;
  // Set by `mount`.
  let root: HTMLElement | undefined;
  let dialogEl: HTMLElement;
  let submitBtn: HTMLElement | undefined;
  let keypad: Keypad | undefined;
  let dialog: DialogHandle;
  let toast: Toast;
  let loading: Loading;
  let busy = false;
  let pending = false;
  let wasReady = false;
  let cancelled = false;
  let destroyed = false;

  const state = (): ViewState => ({ digits: digits.value(), complete: digits.complete(), agreed: agreement.checked() });

  const ready = (): void => call(() => handlers.ready && handlers.ready());

  const submit = (): void => {
    if (destroyed || busy || pending) return;
    pending = true;
    const value = digits.value();
    call(() => handlers.submit(value));
  };

  const refresh = (): void => {
    if (!root || destroyed) return;
    const s = state();
    if (submitBtn) {
      submitBtn.classList.toggle("ydrz-disabled", !s.complete);
      submitBtn.setAttribute("aria-disabled", String(!s.complete || busy));
    }
    const now = s.complete && s.agreed;
    if (now && !wasReady) {
      if (mode == "auto") submit();
      else if (mode == "ready") ready();
    }
    wasReady = now;
  };

  const cancel = (): void => {
    if (cancelled || destroyed) return;
    cancelled = true;
    call(() => handlers.cancel());
  };

  const view: MountedView = {
    busy(on) {
      if (destroyed) return;
      busy = !!on;
      if (!busy) pending = false;
      // A hint such as "请阅读服务协议" is stale once the request runs; it would sit on the spinner.
      if (busy) toast.destroy();
      loading.set(busy);
      root!.classList.toggle("ydrz-busy", busy);
      dialogEl.setAttribute("aria-busy", busy + "");
      digits.setReadOnly(busy);
      if (busy && keypad) keypad.close();
      refresh();
    },
    wrongDigits() {
      if (destroyed) return;
      view.busy(false);
      tip.hidden = false;
      tip.textContent = TEXTS.wrongDigits;
      for (const input of digits.inputs) input.setAttribute("aria-invalid", "true");
      digits.clear();
      wasReady = false;
      digits.focusFirstEmpty();
    },
    toast(text) {
      if (!destroyed) toast.show(String(text));
    },
    state,
    destroy() {
      if (destroyed) return;
      destroyed = true;
      if (keypad) keypad.destroy();
      toast.destroy();
      loading.destroy();
      dialog.close();
      listeners.clear();
      root!.remove();
    },
  };

  const onDigitsChange = (): void => {
    if (!root) return;
    if (tip.textContent && digits.value() != "") {
      tip.textContent = "";
      for (const input of digits.inputs) input.removeAttribute("aria-invalid");
    }
    if (digits.complete() && keypad) keypad.close();
    refresh();
  };

  const onDigitsActivate = (): void => {
    if (busy || destroyed || !keypad) return;
    const wasOpen = keypad.isOpen();
    keypad.open();
    const board = keypad.element();
    if (wasOpen || !board) return;
    // The keypad may now cover the number (inline popup low on the page, short landscape
    // screens): bring the number into the part of the screen that is left.
    const number = digits.el.getBoundingClientRect();
    const top = board.getBoundingClientRect().top;
    if (top > 0 && number.bottom > top) {
      const delta = number.top + number.height / 2 - top / 2;
      const scroller = scrollParent(digits.el);
      if (scroller) scroller.scrollTop += delta;
      else window.scrollBy(0, delta);
    }
  };

  return {
    listeners,
    tip,
    digits: (className, inputIdPrefix, id) =>
      (digits = createDigits({
        maskPhone: model.maskPhone,
        entry,
        className,
        id,
        inputIdPrefix,
        describedBy: tip.id,
        listeners,
        onChange: onDigitsChange,
        onPointerActivate: onDigitsActivate,
      })),
    agreement: (opts, idSuffix = "") =>
      (agreement = createAgreement({
        checkboxId: "YDRZ_Checkbox_l" + (entry ? 4 : 1) + idSuffix,
        entry,
        carrier: model.carrier,
        appName: model.appName,
        privacyLinks: model.privacyLinks,
        onChange: refresh,
        ...opts,
      } as AgreementOptions)),
    submit: (text, idSuffix = "", className = "") =>
      (submitBtn = h("button", { id: "YDRZ_Submitbtn" + idSuffix, className: "ydrz-submit-btn" + className, text })),
    mount(r, d, cancelButtons, titleId, container, padTarget) {
      const body = document.body;
      const host = container ? body : r;
      root = r;
      dialogEl = d;
      toast = createToast(host);
      loading = createLoading(host);
      if (digits.inputs.length) {
        keypad = createKeypad({
          host,
          padTarget: padTarget || host,
          keepOpenWithin: () => [digits.el],
          onDigit: (digit) => digits.type(digit),
          onDelete: () => digits.erase(),
          onClose: () => digits.setKeypadMode(false),
        });
      } else {
        // Nothing to get wrong when the number is only shown (authLevel "1"): no reserved line.
        tip.hidden = true;
      }
      if (submitBtn) {
        listeners.on(submitBtn, "click", (event) => {
          event.preventDefault();
          if (busy || destroyed) return;
          const st = state();
          if (!st.complete) {
            toast.show(TEXTS.digitsIncomplete);
            digits.focusFirstEmpty();
          } else if (!st.agreed) toast.show(TEXTS.readAgreement);
          else if (mode == "ready") ready();
          else submit();
        });
      }
      for (const btn of cancelButtons) {
        listeners.on(btn, "click", (event) => {
          event.preventDefault();
          cancel();
        });
      }
      (container || body).appendChild(r);
      dialog = openDialog({
        root: r,
        dialog: d,
        labelledBy: titleId,
        label: TITLE,
        modal: !container,
        onEscape: cancel,
        // The dialog itself, not the first digit: focusing an input would pop the system
        // keyboard up on Android over the view, which is what the built-in keypad avoids.
        initialFocus: () => d,
      });
      refresh();
      return view;
    },
  };
}
