/**
 * Dialog behaviour, after a11y-dialog's model (behaviour learnt, no code taken): role and
 * aria-modal, focus moved in on open and given back on close, Tab kept inside, the rest of the
 * page inert and hidden from assistive technology, Escape = cancel, scroll locked.
 * A non-modal view (the custom popup inside the integrator's container) gets only the role,
 * the labelling and Escape while focus is inside it.
 * Its listeners go to `listeners`, which the view clears after the close.
 */

import { QUIET, TITLE, type Listeners } from "./dom";
import { lockScroll, undo, type Undo } from "./scroll-lock";

/** What `openDialog` makes a dialog of, and how. */
export interface DialogOptions {
  /** The view's outermost element (a child of <body> when modal). */
  root: HTMLElement;
  /** The element inside `root` that becomes the dialog. */
  dialog: HTMLElement;
  /** The id of the element that names the dialog (TITLE does when it is missing). */
  labelledBy?: string;
  /** Modal: the rest of the page is inert, focus is trapped and scrolling locked. */
  modal: boolean;
  /** Escape was pressed (the view cancels). */
  onEscape: () => void;
  /** Where the listeners go. */
  listeners: Listeners;
}

/** The attributes that take the rest of the page out of the tab order and the a11y tree. */
const OUTSIDE_ATTRIBUTES: [string, string][] = [
  ["inert", ""],
  ["aria-hidden", "true"],
];

/** A view holds links, buttons and inputs only (no select, no textarea). */
const TABBABLE = "a[href],button,input,[tabindex]";

/** Sets `name` on `el`; `undos` gets the step that puts back exactly what was there. */
function swapAttribute(undos: Undo, el: Element, name: string, value: string): void {
  const before = el.getAttribute(name);
  undos.push(() => {
    if (before === null) el.removeAttribute(name);
    else el.setAttribute(name, before);
  });
  el.setAttribute(name, value);
}

/** The elements Tab moves between, in order: focusable and shown. */
function tabbables(dialog: HTMLElement): HTMLElement[] {
  const candidates = [...dialog.querySelectorAll<HTMLElement>(TABBABLE)];
  return candidates.filter((el) => el.tabIndex >= 0 && el.getClientRects().length > 0);
}

/**
 * Whether Tab (or Shift+Tab, `backwards`) from position `index` of `count` tabbables has to wrap
 * round: Tab from the last, Shift+Tab from the first or from the dialog itself (-1), either from
 * anywhere outside (-1).
 */
function wrapsRound(index: number, count: number, backwards: boolean): boolean {
  if (backwards) return index < 1;
  return index < 0 || index === count - 1;
}

/** Whether `el` can take focus back (an element that was focused, not null). */
function canFocus(el: Element | null): el is HTMLElement {
  return el !== null && typeof (el as Partial<HTMLElement>).focus === "function";
}

/**
 * Makes `dialog` a dialog (see `DialogOptions`). Focus goes to the dialog itself on open, not to
 * the first digit: focusing an input would pop the system keyboard up on Android over the view,
 * which is what the built-in keypad avoids. Returns the close (called once).
 */
export function openDialog(options: DialogOptions): () => void {
  const { root, dialog, labelledBy, modal, onEscape, listeners } = options;
  const doc = root.ownerDocument;
  const opener = doc.activeElement;
  /** What the modal view changed outside itself. */
  const undos: Undo = [];

  dialog.setAttribute("role", "dialog");
  dialog.setAttribute("tabindex", "-1");
  if (labelledBy && doc.getElementById(labelledBy)) {
    dialog.setAttribute("aria-labelledby", labelledBy);
  } else {
    dialog.setAttribute("aria-label", TITLE);
  }

  if (modal) {
    dialog.setAttribute("aria-modal", "true");
    // The rest of the page leaves the tab order and the accessibility tree; we restore exactly
    // what was there before.
    for (const other of doc.body.children) {
      if (other === root) continue;
      for (const [name, value] of OUTSIDE_ATTRIBUTES) swapAttribute(undos, other, name, value);
    }
    undos.push(lockScroll(doc));
    // For engines without `inert`.
    listeners.on(
      doc,
      "focusin",
      (event) => {
        if (!root.contains(event.target as Node)) dialog.focus(QUIET);
      },
      true,
    );
    dialog.focus(QUIET);
  }

  /** Tab and Shift+Tab wrap round inside the dialog; with nothing tabbable focus stays on it. */
  const trapTab = (event: KeyboardEvent): void => {
    const backwards = event.shiftKey;
    const list = tabbables(dialog);
    const index = list.indexOf(doc.activeElement as HTMLElement);
    if (!wrapsRound(index, list.length, backwards)) return;
    event.preventDefault();
    const next = backwards ? list[list.length - 1] : list[0];
    (next || dialog).focus();
  };

  listeners.on<KeyboardEvent>(
    doc,
    "keydown",
    (event) => {
      if (event.key === "Escape" && (modal || root.contains(event.target as Node))) {
        event.preventDefault();
        event.stopPropagation();
        onEscape();
      } else if (event.key === "Tab" && modal) {
        trapTab(event);
      }
    },
    true,
  );

  return () => {
    undo(undos);
    if ((modal || root.contains(doc.activeElement)) && canFocus(opener)) opener.focus(QUIET);
  };
}
