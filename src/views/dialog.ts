/**
 * Dialog behaviour, after a11y-dialog's model (behaviour learnt, no code taken): role and
 * aria-modal, focus moved in on open and given back on close, Tab kept inside, the rest of the
 * page inert and hidden from assistive technology, Escape = cancel, scroll locked.
 * A non-modal view (the custom popup inside the integrator's container) gets only the role,
 * the labelling and Escape while focus is inside it.
 */

import { focusNoScroll, Listeners, TITLE } from "./dom";
import { lockScroll } from "./scroll-lock";

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

/**
 * Makes `dialog` (inside `root`, the view's outermost element: everything outside it becomes
 * inert when modal) a dialog named by the element `labelledBy` (else by TITLE). Focus goes to the
 * dialog itself on open, not to the first digit: focusing an input would pop the system keyboard
 * up on Android over the view, which is what the built-in keypad avoids. Returns the close.
 */
export function openDialog(root: HTMLElement, dialog: HTMLElement, labelledBy: string | undefined, modal: boolean, onEscape: () => void): () => void {
  const doc = root.ownerDocument;
  const listeners = new Listeners();
  const previouslyFocused = doc.activeElement as HTMLElement | null;
  /** What the modal view changed outside itself, undone last first on close. */
  const undo: (() => void)[] = [];

  dialog.setAttribute("role", "dialog");
  if (modal) dialog.setAttribute("aria-modal", "true");
  if (labelledBy && doc.getElementById(labelledBy)) dialog.setAttribute("aria-labelledby", labelledBy);
  else dialog.setAttribute("aria-label", TITLE);
  // No view sets a tabindex of its own on the dialog element.
  dialog.setAttribute("tabindex", "-1");

  const focusFirst = (): void => focusNoScroll(dialog);

  if (modal) {
    // Siblings of the view (and of each of its ancestors up to <body>) leave the tab order and the
    // accessibility tree; we restore exactly what was there before.
    for (let node: Element = root, parent; (parent = node.parentElement) && node != doc.body; node = parent) {
      for (const sibling of parent.children) {
        if (sibling == node || /^(SCRIPT|STYLE|LINK)$/.test(sibling.tagName)) continue;
        for (const [name, value] of [["inert", ""], ["aria-hidden", "true"]]) {
          const before = sibling.getAttribute(name);
          undo.push(() => (before == null ? sibling.removeAttribute(name) : sibling.setAttribute(name, before)));
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
      if (key == "Escape" || key == "Esc") {
        if (!modal && !root.contains(event.target as Node)) return;
        event.preventDefault();
        event.stopPropagation();
        onEscape();
      } else if (key == "Tab" && modal) {
        // Tab from the last (Shift+Tab from the first, or from the dialog itself) wraps round;
        // so does Tab from anywhere outside. With nothing tabbable, focus stays on the dialog.
        const list = tabbables(dialog);
        const first = list[0] || dialog;
        const last = list[list.length - 1] || dialog;
        const active = doc.activeElement;
        const outside = !dialog.contains(active);
        if (!list[0] || (event.shiftKey ? active == first || active == dialog || outside : active == last || outside)) {
          event.preventDefault();
          (event.shiftKey ? last : first).focus();
        }
      }
    },
    true,
  );

  if (modal) focusFirst();

  // Called once: the controller's destroy is idempotent.
  return () => {
    listeners.clear();
    while (undo.length) undo.pop()!();
    const active = doc.activeElement;
    if ((modal || !active || active == doc.body || root.contains(active)) && previouslyFocused && previouslyFocused.isConnected && typeof previouslyFocused.focus == "function") {
      focusNoScroll(previouslyFocused);
    }
  };
}
