/**
 * The masked number with one input per hidden digit (`138 [ ][ ][ ][ ] 1234`) and its built-in
 * 3×4 keypad (1–9, blank, 0, delete), as the original shows it so that no system keyboard covers
 * the view. Every way digits arrive — a keypad key, a typed key, an IME commit, a paste of the
 * group or of the whole number — goes through one path: "these digits arrive at cell i".
 * authLevel "1" shows the number as plain text.
 */

import { MASK_MAX, splitMask } from "../protocol/masked-phone";
import { h, icon, QUIET, type Listeners } from "./dom";
import { swapStyle, undo, type Undo } from "./scroll-lock";

/**
 * What the controller uses. Read-only while busy is the cells' own `readOnly` (the controller sets
 * it on `inputs`); clearing after a wrong number is the controller's too (it empties `inputs`).
 */
export interface Digits {
  el: HTMLElement;
  inputs: HTMLInputElement[];
  /** The settled digits typed so far. */
  value(): string;
  /** Focuses the first empty cell (the last when all are filled). */
  focus(): void;
  /**
   * Once mounted: the keypad is appended to `host` and pads the bottom of `pad` while open; a
   * click outside the number and the keypad closes it.
   */
  place(host: HTMLElement, pad: HTMLElement): void;
  /** Closes the keypad (nothing when closed). */
  close(): void;
}

/** What `createDigits` draws and whom it tells. */
export interface DigitsOptions {
  /** The masked number, e.g. `138****1234` (untrusted gateway data). */
  maskPhone: string;
  /** The hidden digits must be typed (authLevel "4"); else the number is only shown. */
  entry: boolean;
  /** The class of the number's element. */
  className: string;
  /** `inputVal` (standard views) or `customInput` (custom popup): cell ids are prefix + index. */
  inputIdPrefix: string;
  /** The number's element id, if any. */
  id?: string;
  /** The id of the error tip that describes the cells. */
  describedBy: string;
  /** Where the listeners go (the view clears them on destroy). */
  listeners: Listeners;
  /** Runs after every change of the digits. */
  changed: () => void;
}

/** The value of the keypad's delete key. */
const DELETE = "del";

/** Full-width digits (IME) become ASCII, everything else that is not a digit goes. */
const onlyDigits = (text: string): string => text.normalize("NFKC").replace(/\D/g, "");

/** A keypad key: its value in `qs-data-value`, where the keypad's click reads it. */
function keypadKey(
  value: string,
  className: string,
  content: Node | string,
  label?: string,
): HTMLElement {
  const attrs = { "qs-data-value": value, "aria-label": label, tabindex: "-1" };
  return h("button", className, attrs, [content]);
}

/** The 3×4 keypad: 1–9, a blank, 0 and delete. */
function createKeypad(): HTMLElement {
  const keys: HTMLElement[] = [];
  for (let digit = 1; digit <= 9; digit++) {
    keys.push(keypadKey(String(digit), "qs-key", String(digit)));
  }
  keys.push(
    h("span", "qs-key qs-key-blank", { "aria-hidden": "true" }),
    keypadKey("0", "qs-key", "0"),
    keypadKey(DELETE, "qs-key del-icon", icon("delete"), "删除"),
  );
  const board = h(
    "div",
    "qs-key-board",
    { id: "qs-keyboard-id", role: "group", "aria-label": "数字键盘" },
    keys,
  );
  return h("div", "ydrz-root qs-key-board-wrap", {}, [board]);
}

/**
 * What arrived in a cell: what the clipboard or the keyboard sent, or without event data what
 * the cell now holds.
 */
function arrivedText(event: InputEvent & ClipboardEvent, cell: HTMLInputElement): string {
  if (event.clipboardData) return event.clipboardData.getData("text");
  if (typeof event.data === "string") return event.data;
  return cell.value;
}

/**
 * The number (cells for its hidden digits when `entry`) and its keypad, wired to `listeners`.
 * Without `entry`, or without hidden digits, the number is plain text.
 */
export function createDigits(options: DigitsOptions): Digits {
  const { entry, className, inputIdPrefix, id, describedBy, listeners, changed } = options;
  const masked = options.maskPhone.slice(0, MASK_MAX);
  // The flow never mounts a mask that splitMask refuses; should one arrive, it is only shown.
  const { prefix, hidden, suffix } = splitMask(options.maskPhone) || {
    prefix: masked,
    hidden: 0,
    suffix: "",
  };
  const count = entry ? hidden : 0;
  // A paste of the whole number: its digits around the hidden ones.
  const whole = new RegExp(`^${onlyDigits(prefix)}(\\d{${count}})${onlyDigits(suffix)}$`);
  const inputs: HTMLInputElement[] = [];
  const el = h("div", className, { id });
  if (count) {
    el.setAttribute("role", "group");
    el.setAttribute("aria-label", `手机号码${masked}，请输入中间${count}位`);
    el.setAttribute("aria-describedby", describedBy);
  }
  const wrap = createKeypad();
  /** The keypad's padding of `pad`, undone on close. */
  const padded: Undo = [];
  let host: HTMLElement;
  let pad: HTMLElement;
  /** The cell the keypad types into. */
  let active = 0;

  // Only digits count: a cell may briefly hold an IME's uncommitted text (letters, full-width
  // digits).
  const value = (): string =>
    inputs
      .map((input) => input.value)
      .join("")
      .replace(/\D/g, "");
  const readOnly = (): boolean => inputs[0].readOnly;
  const cellIndex = (event: Event): number => inputs.indexOf(event.target as HTMLInputElement);
  const setInputMode = (mode: string): void => {
    for (const input of inputs) input.setAttribute("inputmode", mode);
  };
  const close = (): void => {
    wrap.remove();
    undo(padded);
  };
  /** Focuses cell `i` (the last at most); the keypad has done its job once every cell is filled. */
  const go = (i: number): void => {
    active = Math.min(i, count - 1);
    inputs[active].focus(QUIET);
    if (value().length === count) close();
    changed();
  };
  const focus = (): void => {
    if (!count) return;
    const firstEmpty = inputs.findIndex((input) => !input.value);
    go(firstEmpty === -1 ? count - 1 : firstEmpty);
  };
  /** Backspace in cell `i`: clears it, or when it is empty the one before, and moves there. */
  const back = (i: number): void => {
    if (readOnly()) return;
    let cell = i;
    if (!inputs[cell].value && cell > 0) cell -= 1;
    inputs[cell].value = "";
    go(cell);
  };
  /** Digits arriving at cell `i`: a whole group or a whole number fills from the first cell. */
  const receive = (i: number, raw: string): void => {
    if (readOnly()) return;
    let digits = onlyDigits(raw);
    const wholeNumber = whole.exec(digits);
    if (wholeNumber) digits = wholeNumber[1];
    let cell = digits.length === count ? 0 : i;
    for (const digit of digits) {
      if (cell >= count) break;
      inputs[cell].value = digit;
      cell += 1;
    }
    go(cell);
  };
  const open = (): void => {
    if (readOnly() || wrap.isConnected) return;
    host.appendChild(wrap);
    const height = wrap.getBoundingClientRect().height;
    const padding = (parseFloat(getComputedStyle(pad).paddingBottom) || 0) + height;
    swapStyle(padded, pad, "padding-bottom", String(padding) + "px");
    // The keypad may cover the number (inline popup low on the page, landscape phones): centre
    // the number and the keypad's height below it in what scrolls.
    el.style.scrollMarginBottom = String(height) + "px";
    el.scrollIntoView({ block: "center" });
  };
  const closeOnClickOutside = (event: Event): void => {
    const target = event.target as Node;
    if (!wrap.contains(target) && !el.contains(target)) close();
  };

  const digits: Digits = {
    el,
    inputs,
    value,
    focus,
    place(keypadHost, padTarget) {
      host = keypadHost;
      pad = padTarget;
      // On click (capture) rather than pointerdown: closing moves the view, and the tapped
      // element must already be chosen when the layout changes.
      if (count) listeners.on(document, "click", closeOnClickOutside, true);
    },
    close,
  };

  if (!count) {
    el.append(h("span", "ydrz-phone-text", {}, [masked]));
    return digits;
  }

  for (let i = 0; i < count; i++) {
    inputs.push(
      h("input", "ydrz-digit", {
        id: inputIdPrefix + String(i),
        type: "text",
        inputmode: "numeric",
        pattern: "[0-9]*",
        autocomplete: "off",
        "aria-label": `第${i + 1}位`,
      }),
    );
  }
  const part = (text: string): HTMLElement =>
    h("span", "ydrz-phone-part", { "aria-hidden": "true" }, [text]);
  el.append(part(prefix), h("span", "ydrz-digit-cells", {}, inputs), part(suffix));

  // Typed keys, IME commits and pastes: the cell is emptied and the digits arrive; a text
  // without digits leaves the cell as it was (its last digit). Nothing while an IME composes.
  const text = (event: InputEvent & ClipboardEvent): void => {
    if (event.isComposing) return;
    const cell = event.target as HTMLInputElement;
    if (event.clipboardData) event.preventDefault();
    const typed = onlyDigits(arrivedText(event, cell));
    cell.value = typed ? "" : onlyDigits(cell.value).slice(-1);
    receive(cellIndex(event), typed);
  };
  listeners.on(el, "input", text);
  listeners.on(el, "compositionend", text);
  listeners.on(el, "paste", text);
  // Android keyboards report Backspace as "Unidentified" keydowns; an empty cell then only
  // shows up as a deleteContentBackward beforeinput with nothing to delete.
  const backspace = (event: KeyboardEvent & InputEvent): void => {
    if (event.key === "Backspace" || event.inputType === "deleteContentBackward") {
      event.preventDefault();
      back(cellIndex(event));
    }
  };
  listeners.on(el, "keydown", backspace);
  listeners.on(el, "beforeinput", backspace);
  listeners.on(el, "focusin", (event) => {
    active = cellIndex(event);
    // So that typing into a filled cell replaces its digit.
    (event.target as HTMLInputElement).select();
  });

  // The whole number is one big target (the cells themselves may be small): a press anywhere on
  // it goes to the first empty cell, whichever cell was hit (preventDefault keeps the browser
  // from focusing it), with the system keyboard kept away (`inputmode="none"`) until focus leaves
  // the number. The keypad opens on the click that follows: it moves the view, and a layout
  // change between pointerdown and click would send the click elsewhere.
  listeners.on(el, "pointerdown", (event) => {
    if (readOnly()) return;
    setInputMode("none");
    event.preventDefault();
    focus();
  });
  listeners.on(el, "click", open);
  listeners.on<FocusEvent>(el, "focusout", (event) => {
    if (!el.contains(event.relatedTarget as Node | null)) setInputMode("numeric");
  });
  // The keypad: pointerdown keeps focus in the cell; a key acts on click, once the finger is up.
  listeners.on(wrap, "pointerdown", (event) => event.preventDefault());
  listeners.on(wrap, "click", (event) => {
    const key = (event.target as Element).closest("[qs-data-value]");
    const keyValue = key ? key.getAttribute("qs-data-value") : null;
    if (!keyValue) return;
    if (keyValue === DELETE) back(active);
    else receive(active, keyValue);
  });

  return digits;
}
