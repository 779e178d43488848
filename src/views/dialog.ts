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

const TABBABLE = [
  "a[href]",
  "button:not([disabled])",
  "input:not([disabled]):not([type=hidden])",
  "select:not([disabled])",
  "textarea:not([disabled])",
  "[tabindex]",
].join(",");

export function tabbables(container: HTMLElement): HTMLElement[] {
  const hasLayout = container.getClientRects().length > 0;
  return Array.from(container.querySelectorAll<HTMLElement>(TABBABLE)).filter((el) => {
    if (el.tabIndex < 0) return false;
    if (el.closest("[hidden],[inert]")) return false;
    // Without a layout engine (jsdom) every node counts as visible.
    return !hasLayout || el.getClientRects().length > 0;
  });
}

export function openDialog(opts: DialogOptions): DialogHandle {
  const { root, dialog, modal } = opts;
  const doc = root.ownerDocument;
  const listeners = new Listeners();
  const previouslyFocused = doc.activeElement as HTMLElement | null;
  /** [element, attribute, its value before] for what the modal view changed outside itself. */
  const hidden: [Element, string, string | null][] = [];
  let unlock: (() => void) | undefined;
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
    let node: Element | null = root;
    while (node && node.parentElement && node !== doc.body) {
      for (const sibling of Array.from(node.parentElement.children)) {
        if (sibling === node || sibling.tagName === "SCRIPT" || sibling.tagName === "STYLE" || sibling.tagName === "LINK") continue;
        for (const name of ["inert", "aria-hidden"]) hidden.push([sibling, name, sibling.getAttribute(name)]);
        sibling.setAttribute("inert", "");
        sibling.setAttribute("aria-hidden", "true");
      }
      node = node.parentElement;
    }
    unlock = lockScroll(doc);

    listeners.on<FocusEvent>(
      doc,
      "focusin",
      (event) => {
        const target = event.target as Node | null;
        if (target && !root.contains(target)) focusFirst();
      },
      true,
    );
  }

  listeners.on<KeyboardEvent>(
    doc,
    "keydown",
    (event) => {
      if (closed) return;
      const inside = root.contains(event.target as Node);
      if (event.key === "Escape" || event.key === "Esc") {
        if (!modal && !inside) return;
        event.preventDefault();
        event.stopPropagation();
        opts.onEscape();
        return;
      }
      if (event.key === "Tab" && modal) {
        const list = tabbables(dialog);
        if (list.length === 0) {
          event.preventDefault();
          dialog.focus();
          return;
        }
        const first = list[0];
        const last = list[list.length - 1];
        const active = doc.activeElement;
        if (event.shiftKey && (active === first || active === dialog || !dialog.contains(active))) {
          event.preventDefault();
          last.focus();
        } else if (!event.shiftKey && (active === last || !dialog.contains(active))) {
          event.preventDefault();
          first.focus();
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
      for (let i = hidden.length - 1; i >= 0; i--) {
        const [el, name, value] = hidden[i];
        if (value === null) el.removeAttribute(name);
        else el.setAttribute(name, value);
      }
      if (unlock) unlock();
      const wasInside = !doc.activeElement || doc.activeElement === doc.body || root.contains(doc.activeElement);
      if (modal || wasInside) {
        if (previouslyFocused && previouslyFocused.isConnected && typeof previouslyFocused.focus === "function") {
          focusNoScroll(previouslyFocused);
        }
      }
    },
  };
}
