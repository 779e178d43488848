/**
 * The built-in 3×4 keypad (1–9, blank, 0, delete), as the original shows it so that no system
 * keyboard covers the popup. Works by touch and by click (keys are buttons; with the viewport
 * meta tag integrators use, a tap's click comes without delay).
 * While open it pads the bottom of the element that scrolls the view, by its own height.
 */

import { h, icon, Listeners } from "./dom";

export interface KeypadOptions {
  /** Where the keypad element is appended (the modal root, or <body> for inline views). */
  host: HTMLElement;
  /** The element whose bottom padding grows while the keypad is open. */
  padTarget: HTMLElement;
  /** Pointer presses outside these elements close the keypad. */
  keepOpenWithin: () => HTMLElement[];
  onDigit(digit: string): void;
  onDelete(): void;
  onClose?(): void;
}

export interface Keypad {
  open(): void;
  close(): void;
  isOpen(): boolean;
  element(): HTMLElement | undefined;
  destroy(): void;
}

/** Used when the keypad has no measurable height yet (jsdom, or before first layout). */
const FALLBACK_HEIGHT = 216;

export function createKeypad(opts: KeypadOptions): Keypad {
  let wrap: HTMLElement | undefined;
  let listeners: Listeners | undefined;
  let savedPadding: { value: string; priority: string } | undefined;

  const act = (key: string): void => {
    if (key === "del") opts.onDelete();
    else opts.onDigit(key);
  };

  const build = (): HTMLElement => {
    const board = h("div", {
      id: "qs-keyboard-id",
      className: "qs-key-board",
      attrs: { role: "group", "aria-label": "数字键盘" },
    });
    for (const key of [..."123456789", "", "0", "del"]) {
      const del = key === "del";
      board.appendChild(
        key === ""
          ? h("span", { className: "qs-key qs-key-blank", attrs: { "aria-hidden": "true" } })
          : h("button", {
              className: del ? "qs-key del-icon" : "qs-key",
              text: del ? undefined : key,
              attrs: del ? { "qs-data-value": key, "aria-label": "删除", tabindex: "-1" } : { "qs-data-value": key, tabindex: "-1" },
            }, [del && icon("delete")]),
      );
    }
    return h("div", { className: "ydrz-root qs-key-board-wrap" }, [board]);
  };

  const keyOf = (event: Event): string | undefined => {
    const target = event.target as Element | null;
    const key = target && target.closest ? target.closest("[qs-data-value]") : null;
    return key ? key.getAttribute("qs-data-value") || undefined : undefined;
  };

  const pad = (): void => {
    if (!wrap) return;
    const target = opts.padTarget;
    const height = wrap.getBoundingClientRect().height || FALLBACK_HEIGHT;
    savedPadding = {
      value: target.style.getPropertyValue("padding-bottom"),
      priority: target.style.getPropertyPriority("padding-bottom"),
    };
    const base = parseFloat(getComputedStyle(target).paddingBottom) || 0;
    target.style.setProperty("padding-bottom", `${Math.ceil(base + height)}px`, "important");
    target.style.setProperty("--ydrz-keypad-h", `${Math.ceil(height)}px`);
  };

  const unpad = (): void => {
    if (!savedPadding) return;
    const target = opts.padTarget;
    if (savedPadding.value) target.style.setProperty("padding-bottom", savedPadding.value, savedPadding.priority);
    else target.style.removeProperty("padding-bottom");
    target.style.removeProperty("--ydrz-keypad-h");
    savedPadding = undefined;
  };

  const api: Keypad = {
    open() {
      if (wrap) return;
      wrap = build();
      listeners = new Listeners();
      const L = listeners;
      // pointerdown only keeps focus in the digit cell; the key acts on click, after the finger
      // is up, so that closing the keypad (which moves the view) cannot redirect this tap.
      L.on<PointerEvent>(wrap, "pointerdown", (event) => event.preventDefault());
      L.on<MouseEvent>(wrap, "click", (event) => {
        const key = keyOf(event);
        if (key) act(key);
      });
      // A tap elsewhere closes the keypad; on click (capture) rather than pointerdown, for the
      // same reason: the tapped element is already chosen when the layout changes.
      L.on<MouseEvent>(
        opts.host.ownerDocument,
        "click",
        (event) => {
          const target = event.target as Node;
          if (wrap && wrap.contains(target)) return;
          if (opts.keepOpenWithin().some((el) => el.contains(target))) return;
          api.close();
        },
        true,
      );
      opts.host.appendChild(wrap);
      pad();
    },
    close() {
      if (!wrap) return;
      if (listeners) listeners.clear();
      listeners = undefined;
      wrap.remove();
      wrap = undefined;
      unpad();
      if (opts.onClose) opts.onClose();
    },
    isOpen: () => wrap !== undefined,
    element: () => wrap,
    destroy() {
      api.close();
    },
  };
  return api;
}
