/**
 * Dialog behaviour, after a11y-dialog's model (behaviour learnt, no code taken): role and
 * aria-modal, focus moved in on open and given back on close, Tab kept inside, the rest of the
 * page inert and hidden from assistive technology, Escape = cancel, scroll locked.
 * A non-modal view (the custom popup inside the integrator's container) gets only the role,
 * the labelling and Escape while focus is inside it.
 * Its listeners go to `listeners`, which the view clears after the close.
 */

import { Listeners, QUIET, TITLE } from "./dom";
import { lockScroll, undo, type Undo } from "./scroll-lock";

/**
 * Makes `dialog` (inside `root`, the view's outermost element, a child of <body> when modal) a
 * dialog named by the element `labelledBy` (else by TITLE). Focus goes to the dialog itself on
 * open, not to the first digit: focusing an input would pop the system keyboard up on Android
 * over the view, which is what the built-in keypad avoids. Returns the close (called once).
 */
export function openDialog(
  root: HTMLElement,
  dialog: HTMLElement,
  labelledBy: string | undefined,
  modal: boolean,
  onEscape: () => void,
  listeners: Listeners,
): () => void {
  const doc = root.ownerDocument;
  const opener = doc.activeElement as HTMLElement;
  /** What the modal view changed outside itself. */
  const undos: Undo = [];

  dialog.setAttribute("role", "dialog");
  dialog.setAttribute("tabindex", "-1");
  if (labelledBy && doc.getElementById(labelledBy))
    dialog.setAttribute("aria-labelledby", labelledBy);
  else dialog.setAttribute("aria-label", TITLE);

  if (modal) {
    dialog.setAttribute("aria-modal", "true");
    // The rest of the page leaves the tab order and the accessibility tree; we restore exactly
    // what was there before.
    for (const other of doc.body.children) {
      if (other == root) continue;
      for (const [name, value] of [
        ["inert", ""],
        ["aria-hidden", "true"],
      ]) {
        const before = other.getAttribute(name);
        undos.push(() =>
          before == null ? other.removeAttribute(name) : other.setAttribute(name, before),
        );
        other.setAttribute(name, value);
      }
    }
    undos.push(lockScroll(doc));
    // For engines without `inert`.
    listeners.on(
      doc,
      "focusin",
      (event) => root.contains(event.target as Node) || dialog.focus(QUIET),
      true,
    );
    dialog.focus(QUIET);
  }

  listeners.on<KeyboardEvent>(
    doc,
    "keydown",
    (event) => {
      const back = event.shiftKey;
      if (event.key == "Escape" && (modal || root.contains(event.target as Node))) {
        event.preventDefault();
        event.stopPropagation();
        onEscape();
      } else if (event.key == "Tab" && modal) {
        // Tab from the last (Shift+Tab from the first, or from the dialog itself) wraps round;
        // so does Tab from anywhere outside. With nothing tabbable, focus stays on the dialog.
        // A view holds links, buttons and inputs only (no select, no textarea).
        const list = [
          ...dialog.querySelectorAll<HTMLElement>("a[href],button,input,[tabindex]"),
        ].filter((el) => el.tabIndex >= 0 && el.getClientRects().length);
        const last = list.length - 1;
        const i = list.indexOf(doc.activeElement as HTMLElement);
        if (back ? i < 1 : i < 0 || i == last) {
          event.preventDefault();
          (list[back ? last : 0] || dialog).focus();
        }
      }
    },
    true,
  );

  return () => {
    undo(undos);
    if ((modal || root.contains(doc.activeElement)) && (opener as Partial<HTMLElement>).focus)
      opener.focus(QUIET);
  };
}
