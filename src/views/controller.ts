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
import { textOption } from "./options";
import { createLoading, createToast, TEXTS } from "./toast";

/**
 * - "button": a submit button asks for the token (standard views, custom page, custom popup level 1 with mask)
 * - "auto": submits by itself once digits are complete and the agreement ticked (custom popup with mask)
 * - "ready": never submits; reports readiness (custom popup without mask: `authGetTokenByLayer`)
 */
export type SubmitMode = "button" | "auto" | "ready";

export interface ViewParts {
  root: HTMLElement;
  dialog: HTMLElement;
  titleId?: string;
  label: string;
  modal: boolean;
  /** Where the root goes. */
  parent: HTMLElement;
  /** Where the toast, the loading state and the keypad go. */
  overlayHost: HTMLElement;
  /** What the keypad pads at the bottom while open. */
  padTarget: HTMLElement;
  digits: Digits;
  agreement: Agreement;
  submit?: HTMLElement;
  cancelButtons: HTMLElement[];
  errorTip: HTMLElement;
}

export interface Controller {
  listeners: Listeners;
  /** Hooks the parts call while the view is being built. */
  onDigitsChange(): void;
  onAgreementChange(): void;
  onDigitsActivate(): void;
  /** The number, wired to this controller (ids: inputIdPrefix + index). */
  digits(className: string, inputIdPrefix: string, id?: string): Digits;
  /** The agreement line, wired to this controller; checkbox id `YDRZ_Checkbox_l1|4` + idSuffix. */
  agreement(opts: Partial<AgreementOptions>, idSuffix?: string): Agreement;
  mount(parts: ViewParts): MountedView;
}

export function createErrorTip(): HTMLElement {
  return h("p", {
    id: "YDRZErrorTips",
    className: "ydrz-error-tips",
    attrs: { "aria-live": "assertive", "aria-atomic": "true" },
  });
}

/** The nearest ancestor that scrolls (a page view, a popup's overlay); none: the window. */
function scrollParent(el: HTMLElement): HTMLElement | undefined {
  const doc = el.ownerDocument;
  for (let node = el.parentElement; node && node !== doc.body && node !== doc.documentElement; node = node.parentElement) {
    const overflowY = getComputedStyle(node).overflowY;
    if ((overflowY === "auto" || overflowY === "scroll") && node.scrollHeight > node.clientHeight) return node;
  }
  return undefined;
}

export function createController(model: ViewModel, handlers: ViewHandlers, mode: SubmitMode): Controller {
  const listeners = new Listeners();
  const entry = model.authLevel === "4";
  let parts: ViewParts | undefined;
  let keypad: Keypad | undefined;
  let dialog: DialogHandle | undefined;
  let toast: ReturnType<typeof createToast> | undefined;
  let loading: ReturnType<typeof createLoading> | undefined;
  let busy = false;
  let pending = false;
  let wasReady = false;
  let cancelled = false;
  let destroyed = false;

  const state = (): ViewState => {
    if (!parts) return { digits: "", complete: false, agreed: false };
    return { digits: parts.digits.value(), complete: parts.digits.complete(), agreed: parts.agreement.checked() };
  };

  const submit = (): void => {
    if (destroyed || busy || pending || !parts) return;
    pending = true;
    const digits = parts.digits.value();
    call(() => handlers.submit(digits));
  };

  const refresh = (): void => {
    if (!parts || destroyed) return;
    const s = state();
    if (parts.submit) {
      const disabled = !s.complete;
      parts.submit.classList.toggle("ydrz-disabled", disabled);
      parts.submit.setAttribute("aria-disabled", String(disabled || busy));
    }
    const ready = s.complete && s.agreed;
    if (ready && !wasReady) {
      if (mode === "auto") submit();
      else if (mode === "ready" && handlers.ready) call(() => handlers.ready!());
    }
    wasReady = ready;
  };

  const onSubmitClick = (event: Event): void => {
    event.preventDefault();
    if (!parts || busy || destroyed) return;
    const s = state();
    if (!s.complete) {
      if (toast) toast.show(TEXTS.digitsIncomplete);
      parts.digits.focusFirstEmpty();
      return;
    }
    if (!s.agreed) {
      if (toast) toast.show(TEXTS.readAgreement);
      return;
    }
    if (mode === "ready") {
      if (handlers.ready) call(() => handlers.ready!());
      return;
    }
    submit();
  };

  const cancel = (): void => {
    if (cancelled || destroyed) return;
    cancelled = true;
    call(() => handlers.cancel());
  };

  const view: MountedView = {
    busy(on) {
      if (destroyed || !parts) return;
      busy = Boolean(on);
      if (!busy) pending = false;
      // A hint such as "请阅读服务协议" is stale once the request runs; it would sit on the spinner.
      if (busy && toast) toast.destroy();
      if (loading) loading.set(busy);
      parts.root.classList.toggle("ydrz-busy", busy);
      parts.dialog.setAttribute("aria-busy", String(busy));
      parts.digits.setReadOnly(busy);
      if (busy && keypad) keypad.close();
      refresh();
    },
    wrongDigits() {
      if (destroyed || !parts) return;
      view.busy(false);
      parts.errorTip.hidden = false;
      parts.errorTip.textContent = TEXTS.wrongDigits;
      for (const input of parts.digits.inputs) input.setAttribute("aria-invalid", "true");
      parts.digits.clear();
      wasReady = false;
      parts.digits.focusFirstEmpty();
    },
    toast(text) {
      if (destroyed) return;
      if (toast) toast.show(typeof text === "string" ? text : String(text));
    },
    state,
    destroy() {
      if (destroyed) return;
      destroyed = true;
      if (keypad) keypad.destroy();
      if (toast) toast.destroy();
      if (loading) loading.destroy();
      if (dialog) dialog.close();
      listeners.clear();
      if (parts) parts.root.remove();
    },
  };

  const ctl: Controller = {
    listeners,
    digits: (className, inputIdPrefix, id) =>
      createDigits({
        maskPhone: model.maskPhone,
        entry,
        className,
        id,
        inputIdPrefix,
        describedBy: "YDRZErrorTips",
        listeners,
        onChange: ctl.onDigitsChange,
        onPointerActivate: ctl.onDigitsActivate,
      }),
    agreement: (opts, idSuffix = "") =>
      createAgreement({
        checkboxId: "YDRZ_Checkbox_l" + (entry ? 4 : 1) + idSuffix,
        entry,
        carrier: model.carrier,
        appName: textOption(model.appName, ""),
        privacyLinks: model.privacyLinks,
        agreeArr: undefined,
        onChange: ctl.onAgreementChange,
        ...opts,
      }),
    onDigitsChange() {
      if (!parts) return;
      if (parts.errorTip.textContent && parts.digits.value() !== "") {
        parts.errorTip.textContent = "";
        for (const input of parts.digits.inputs) input.removeAttribute("aria-invalid");
      }
      if (parts.digits.complete() && keypad) keypad.close();
      refresh();
    },
    onAgreementChange() {
      refresh();
    },
    onDigitsActivate() {
      if (busy || destroyed || !keypad || !parts) return;
      const wasOpen = keypad.isOpen();
      keypad.open();
      const board = keypad.element();
      if (wasOpen || !board) return;
      // The keypad may now cover the number (inline popup low on the page, short landscape
      // screens): bring the number into the part of the screen that is left.
      const number = parts.digits.el.getBoundingClientRect();
      const top = board.getBoundingClientRect().top;
      if (top > 0 && number.bottom > top) {
        const delta = number.top + number.height / 2 - top / 2;
        const scroller = scrollParent(parts.digits.el);
        if (scroller) scroller.scrollTop += delta;
        else window.scrollBy(0, delta);
      }
    },
    mount(p) {
      parts = p;
      const L = listeners;
      toast = createToast(p.overlayHost);
      loading = createLoading(p.overlayHost);
      if (p.digits.inputs.length > 0) {
        keypad = createKeypad({
          host: p.overlayHost,
          padTarget: p.padTarget,
          keepOpenWithin: () => [p.digits.el],
          onDigit: (d) => p.digits.type(d),
          onDelete: () => p.digits.erase(),
          onClose: () => p.digits.setKeypadMode(false),
        });
      }
      if (p.submit) L.on(p.submit, "click", onSubmitClick);
      for (const btn of p.cancelButtons) {
        L.on(btn, "click", (event: Event) => {
          event.preventDefault();
          cancel();
        });
      }
      // Nothing to get wrong when the number is only shown (authLevel "1"): no reserved line.
      if (p.digits.inputs.length === 0) p.errorTip.hidden = true;
      p.parent.appendChild(p.root);
      dialog = openDialog({
        root: p.root,
        dialog: p.dialog,
        labelledBy: p.titleId,
        label: p.label,
        modal: p.modal,
        onEscape: cancel,
        // The dialog itself, not the first digit: focusing an input would pop the system
        // keyboard up on Android over the view, which is what the built-in keypad avoids.
        initialFocus: () => p.dialog,
      });
      refresh();
      return view;
    },
  };
  return ctl;
}
