/**
 * The built-in 3×4 keypad (1–9, blank, 0, delete), as the original shows it so that no system
 * keyboard covers the popup. Works by touch and by click (keys are buttons; with the viewport
 * meta tag integrators use, a tap's click comes without delay).
 * While open it pads the bottom of the element that scrolls the view, by its own height.
 */

import { h, icon, Listeners } from "./dom";
import { restoreStyles, saveStyle, type SavedStyles } from "./scroll-lock";

/**
 * `open()` returns the keypad element when it has just opened (undefined when it was open
 * already); `close()` is also the destroy.
 */
export interface Keypad {
  open(): HTMLElement | undefined;
  close(): void;
}

/** Used when the keypad has no measurable height yet (jsdom, or before first layout). */
const FALLBACK_HEIGHT = 216;

/**
 * `host`: where the keypad element is appended (the modal root, or <body> for inline views).
 * `padTarget`: the element whose bottom padding grows while the keypad is open.
 * `keepOpenWithin`: pointer presses outside it (and the keypad) close the keypad.
 * `onKey`: a digit, or "del". `onClose`: after each close.
 */
export function createKeypad(host: HTMLElement, padTarget: HTMLElement, keepOpenWithin: HTMLElement, onKey: (value: string) => void, onClose: () => void): Keypad {
  let wrap: HTMLElement | undefined;
  const L = new Listeners();
  /** The padding-bottom (and --ydrz-keypad-h) of padTarget before the keypad opened. */
  const saved: SavedStyles = [];

  /** A key; `del` gets the delete icon and its aria-label instead of a text. */
  const key = (value: string): HTMLElement => {
    const del = value == "del";
    return h("button", del ? "qs-key del-icon" : "qs-key", { "qs-data-value": value, "aria-label": del ? "删除" : undefined, tabindex: "-1" }, [del ? icon("delete") : value]);
  };

  const close = (): void => {
    if (!wrap) return;
    L.clear();
    wrap.remove();
    wrap = undefined;
    restoreStyles(saved);
    onClose();
  };

  return {
    open() {
      if (wrap) return;
      const keys = [..."123456789"].map(key);
      keys.push(h("span", "qs-key qs-key-blank", { "aria-hidden": "true" }), key("0"), key("del"));
      const board = h("div", "qs-key-board", { id: "qs-keyboard-id", role: "group", "aria-label": "数字键盘" }, keys);
      const el = (wrap = h("div", "ydrz-root qs-key-board-wrap", 0, [board]));
      // pointerdown only keeps focus in the digit cell; the key acts on click, after the finger
      // is up, so that closing the keypad (which moves the view) cannot redirect this tap.
      L.on(el, "pointerdown", (event) => event.preventDefault());
      L.on(el, "click", (event) => {
        const k = (event.target as Element).closest("[qs-data-value]");
        const value = k && k.getAttribute("qs-data-value");
        if (value) onKey(value);
      });
      // A tap elsewhere closes the keypad; on click (capture) rather than pointerdown, for the
      // same reason: the tapped element is already chosen when the layout changes.
      L.on(
        host.ownerDocument,
        "click",
        (event) => {
          const target = event.target as Node;
          if (!el.contains(target) && !keepOpenWithin.contains(target)) close();
        },
        true,
      );
      host.appendChild(el);
      const target = padTarget;
      const height = el.getBoundingClientRect().height || FALLBACK_HEIGHT;
      const base = parseFloat(getComputedStyle(target).paddingBottom) || 0;
      saveStyle(saved, target, "padding-bottom", Math.ceil(base + height) + "px");
      saveStyle(saved, target, "--ydrz-keypad-h", Math.ceil(height) + "px");
      return el;
    },
    close,
  };
}
