/**
 * The masked number with one input per hidden digit (`138 [ ][ ][ ][ ] 1234`) and its built-in
 * 3×4 keypad (1–9, blank, 0, delete), as the original shows it so that no system keyboard covers
 * the view. Every way digits arrive — a keypad key, a typed key, an IME commit, a paste of the
 * group or of the whole number — goes through one path: "these digits arrive at cell i".
 * authLevel "1" shows the number as plain text.
 */

import { h, icon, Listeners, QUIET } from "./dom";
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

/** Full-width digits (IME) become ASCII, everything else that is not a digit goes. */
const onlyDigits = (text: string): string => text.normalize("NFKC").replace(/\D/g, "");

/** A keypad key: its value in `qs-data-value`. */
const key = (v: string, className = "", label?: string, content: Node | string = v): HTMLElement =>
  h("button", "qs-key" + className, { "qs-data-value": v, "aria-label": label, tabindex: "-1" }, [
    content,
  ]);

/**
 * `inputIdPrefix`: `inputVal` (standard views) or `customInput` (custom popup): ids are prefix +
 * index. `entry`: the hidden digits must be typed (authLevel "4"). `changed`: after every change.
 */
export function createDigits(
  maskPhone: string,
  entry: boolean,
  className: string,
  inputIdPrefix: string,
  id: string | undefined,
  describedBy: string,
  L: Listeners,
  changed: () => void,
): Digits {
  const masked = maskPhone.slice(0, 40);
  // What comes before the run of `*`, the run, and the rest (all but the first may be empty).
  const [, prefix, run, suffix] = /^([^*]*)(\**)([^]*)$/.exec(masked)!;
  const count = entry ? Math.min(run.length, 8) : 0;
  // A paste of the whole number: its digits around the hidden ones.
  const whole = RegExp(`^${onlyDigits(prefix)}(\\d{${count}})${onlyDigits(suffix)}$`);
  const inputs: HTMLInputElement[] = [];
  const el = h(
    "div",
    className,
    count
      ? {
          id,
          role: "group",
          "aria-label": `手机号码${masked}，请输入中间${count}位`,
          "aria-describedby": describedBy,
        }
      : { id },
  );
  const wrap = h("div", "ydrz-root qs-key-board-wrap", 0, [
    h(
      "div",
      "qs-key-board",
      { id: "qs-keyboard-id", role: "group", "aria-label": "数字键盘" },
      [..."123456789"]
        .map((v) => key(v))
        .concat(
          h("span", "qs-key qs-key-blank", { "aria-hidden": "true" }),
          key("0"),
          key("del", " del-icon", "删除", icon("delete")),
        ),
    ),
  ]);
  /** The keypad's padding of `pad`, undone on close. */
  const padded: Undo = [];
  let host: HTMLElement;
  let pad: HTMLElement;
  let active = 0;

  // Only digits count: a cell may briefly hold an IME's uncommitted text (letters, full-width digits).
  const value = (): string =>
    inputs
      .map((i) => i.value)
      .join("")
      .replace(/\D/g, "");
  const readOnly = (): boolean => inputs[0].readOnly;
  const at = (event: Event): number => inputs.indexOf(event.target as HTMLInputElement);
  const inputMode = (mode: string): void =>
    inputs.forEach((i) => i.setAttribute("inputmode", mode));
  const close = (): void => {
    wrap.remove();
    undo(padded);
  };
  /** Focuses cell `i` (the last at most); the keypad has done its job once every cell is filled. */
  const go = (i: number): void => {
    inputs[(active = Math.min(i, count - 1))].focus(QUIET);
    if (value().length == count) close();
    changed();
  };
  const focus = (): void => {
    if (count) go(inputs.findIndex((i) => !i.value) >>> 0);
  };
  /** Backspace in cell `i`: clears it, or when it is empty the one before, and moves there. */
  const back = (i: number): void => {
    if (readOnly()) return;
    if (!inputs[i].value && i) i--;
    inputs[i].value = "";
    go(i);
  };
  /** Digits arriving at cell `i`: a whole group or a whole number fills from the first cell. */
  const receive = (i: number, raw: string): void => {
    if (readOnly()) return;
    let digits = onlyDigits(raw);
    digits = (whole.exec(digits) || ["", digits])[1];
    if (digits.length == count) i = 0;
    for (const d of digits) if (i < count) inputs[i++].value = d;
    go(i);
  };
  const open = (): void => {
    if (readOnly() || wrap.isConnected) return;
    host.appendChild(wrap);
    const height = wrap.getBoundingClientRect().height;
    swapStyle(
      padded,
      pad,
      "padding-bottom",
      (parseFloat(getComputedStyle(pad).paddingBottom) || 0) + height + "px",
    );
    // The keypad may cover the number (inline popup low on the page, landscape phones): centre
    // the number and the keypad's height below it in what scrolls.
    el.style.scrollMarginBottom = height + "px";
    el.scrollIntoView({ block: "center" });
  };

  const digits: Digits = {
    el,
    inputs,
    value,
    focus,
    place(h, p) {
      host = h;
      pad = p;
      // On click (capture) rather than pointerdown: closing moves the view, and the tapped
      // element must already be chosen when the layout changes.
      if (count)
        L.on(
          document,
          "click",
          (event) => {
            const target = event.target as Node;
            if (!wrap.contains(target) && !el.contains(target)) close();
          },
          true,
        );
    },
    close,
  };

  if (!count) {
    el.append(h("span", "ydrz-phone-text", 0, [masked]));
    return digits;
  }

  for (let i = 0; i < count; i++) {
    inputs.push(
      h("input", "ydrz-digit", {
        id: inputIdPrefix + i,
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
  el.append(part(prefix), h("span", "ydrz-digit-cells", 0, inputs), part(suffix));

  // Typed keys, IME commits and pastes (what the keyboard or the clipboard sent, or without event
  // data what the cell now holds): the cell is emptied and the digits arrive; a text without
  // digits leaves the cell as it was. Nothing while an IME composes.
  const text = (event: InputEvent & ClipboardEvent): void => {
    if (event.isComposing) return;
    const cell = event.target as HTMLInputElement;
    const paste = event.clipboardData;
    if (paste) event.preventDefault();
    const typed = onlyDigits(
      paste ? paste.getData("text") : event.data != null ? event.data : cell.value,
    );
    cell.value = typed ? "" : onlyDigits(cell.value).slice(-1);
    receive(at(event), typed);
  };
  L.on(el, "input", text);
  L.on(el, "compositionend", text);
  L.on(el, "paste", text);
  // Android keyboards report Backspace as "Unidentified" keydowns; an empty cell then only
  // shows up as a deleteContentBackward beforeinput with nothing to delete.
  const backspace = (event: KeyboardEvent & InputEvent): void => {
    if (event.key == "Backspace" || event.inputType == "deleteContentBackward") {
      event.preventDefault();
      back(at(event));
    }
  };
  L.on(el, "keydown", backspace);
  L.on(el, "beforeinput", backspace);
  L.on(el, "focusin", (event) => {
    active = at(event);
    // So that typing into a filled cell replaces its digit.
    (event.target as HTMLInputElement).select();
  });

  // The whole number is one big target (the cells themselves may be small): a press anywhere on
  // it goes to the first empty cell, whichever cell was hit (preventDefault keeps the browser
  // from focusing it), with the system keyboard kept away (`inputmode="none"`) until focus leaves
  // the number. The keypad opens on the click that follows: it moves the view, and a layout
  // change between pointerdown and click would send the click elsewhere.
  L.on(el, "pointerdown", (event) => {
    if (readOnly()) return;
    inputMode("none");
    event.preventDefault();
    focus();
  });
  L.on(el, "click", open);
  L.on<FocusEvent>(el, "focusout", (event) => {
    if (!el.contains(event.relatedTarget as Node | null)) inputMode("numeric");
  });
  // The keypad: pointerdown keeps focus in the cell; a key acts on click, once the finger is up.
  L.on(wrap, "pointerdown", (event) => event.preventDefault());
  L.on(wrap, "click", (event) => {
    const k = (event.target as Element).closest("[qs-data-value]");
    const v = k && k.getAttribute("qs-data-value");
    if (v) v == "del" ? back(active) : receive(active, v);
  });

  return digits;
}
