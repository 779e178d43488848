/**
 * Dialog behaviour, after a11y-dialog's model (behaviour learnt, no code taken): role and
 * aria-modal, focus moved in on open and given back on close, Tab kept inside, the rest of the
 * page inert and hidden from assistive technology, Escape = cancel, scroll locked.
 * A non-modal view (the custom popup inside the integrator's container) gets only the role,
 * the labelling and Escape while focus is inside it.
 */

import { focusNoScroll, Listeners } from "./dom";
import { lockScroll } from "./scroll-lock";

export interface DialogOptions {
  /** The view's outermost element: everything outside it becomes inert when modal. */
  root: HTMLElement;
  /** The element with role="dialog". */
  dialog: HTMLElement;
  /** id of the element that names the dialog (title); a fallback aria-label is used when absent. */
  labelledBy?: string;
  label?: string;
  modal: boolean;
  onEscape(): void;
  /** Where focus goes on open (default: the first tabbable element, else the dialog). */
  initialFocus?(): HTMLElement | null | undefined;
}

export interface DialogHandle {
  /** Gives focus to the first tabbable element of the dialog. */
  focusFirst(): void;
  close(): void;
}

/** Focusable by Tab unless disabled, a hidden input, tabindex < 0, hidden or inert, or not rendered. */
export function tabbables(container: HTMLElement): HTMLElement[] {
  const hasLayout = container.getClientRects().length > 0;
  return [...container.querySelectorAll<HTMLElement>("a[href],button,input,select,textarea,[tabindex]")].filter(
    (el) =>
      el.tabIndex >= 0 &&
      !el.matches(":disabled,input[type=hidden]") &&
      !el.closest("[hidden],[inert]") &&
      // Without a layout engine (jsdom) every node counts as visible.
      (!hasLayout || el.getClientRects().length > 0),
  );
}

export function openDialog(opts: DialogOptions): DialogHandle {
  const { root, dialog, modal } = opts;
  const doc = root.ownerDocument;
  const listeners = new Listeners();
  const previouslyFocused = doc.activeElement as HTMLElement | null;
  /** What the modal view changed outside itself, undone last first on close. */
  const undo: (() => void)[] = [];
  let closed = false;

  dialog.setAttribute("role", "dialog");
  if (modal) dialog.setAttribute("aria-modal", "true");
  if (opts.labelledBy && doc.getElementById(opts.labelledBy)) dialog.setAttribute("aria-labelledby", opts.labelledBy);
  else if (opts.label) dialog.setAttribute("aria-label", opts.label);
  if (!dialog.hasAttribute("tabindex")) dialog.setAttribute("tabindex", "-1");

  const focusFirst = (): void => {
    focusNoScroll((opts.initialFocus && opts.initialFocus()) || tabbables(dialog)[0] || dialog);
  };

  if (modal) {
    // Siblings of the view (and of each of its ancestors up to <body>) leave the tab order and the
    // accessibility tree; we restore exactly what was there before.
    for (let node: Element = root, parent; (parent = node.parentElement) && node !== doc.body; node = parent) {
      for (const sibling of parent.children) {
        if (sibling === node || /^(SCRIPT|STYLE|LINK)$/.test(sibling.tagName)) continue;
        for (const [name, value] of [["inert", ""], ["aria-hidden", "true"]]) {
          const before = sibling.getAttribute(name);
          undo.push(() => (before === null ? sibling.removeAttribute(name) : sibling.setAttribute(name, before)));
          sibling.setAttribute(name, value);
        }
      }
    }
    undo.push(lockScroll(doc));

    listeners.on(
      doc,
      "focusin",
      (event) => {
        if (!root.contains(event.target as Node)) focusFirst();
      },
      true,
    );
  }

  listeners.on<KeyboardEvent>(
    doc,
    "keydown",
    (event) => {
      const key = event.key;
      if (key === "Escape" || key === "Esc") {
        if (!modal && !root.contains(event.target as Node)) return;
        event.preventDefault();
        event.stopPropagation();
        opts.onEscape();
      } else if (key === "Tab" && modal) {
        // Tab from the last (Shift+Tab from the first, or from the dialog itself) wraps round;
        // so does Tab from anywhere outside. With nothing tabbable, focus stays on the dialog.
        const list = tabbables(dialog);
        const first = list[0] || dialog;
        const last = list[list.length - 1] || dialog;
        const active = doc.activeElement;
        const outside = !dialog.contains(active);
        if (!list[0] || (event.shiftKey ? active === first || active === dialog || outside : active === last || outside)) {
          event.preventDefault();
          (event.shiftKey ? last : first).focus();
        }
      }
    },
    true,
  );

  if (modal) focusFirst();

  return {
    focusFirst,
    close() {
      if (closed) return;
      closed = true;
      listeners.clear();
      while (undo.length) undo.pop()!();
      const active = doc.activeElement;
      if ((modal || !active || active === doc.body || root.contains(active)) && previouslyFocused && previouslyFocused.isConnected && typeof previouslyFocused.focus === "function") {
        focusNoScroll(previouslyFocused);
      }
    },
  };
}
