/**
 * The masked number with one input per hidden digit (`138 [ ][ ][ ][ ] 1234`). Accepts digits
 * from the built-in keypad, a physical keyboard, an IME (full-width digits too), paste of the
 * whole group or of the whole number, and backspace across cells. authLevel "1" shows the
 * number as plain text.
 */

import { hiddenDigitCount } from "../protocol/masked-phone";
import { focusNoScroll, h, Listeners } from "./dom";

export interface DigitsOptions {
  maskPhone: string;
  /** Whether the hidden digits must be typed (authLevel "4"). */
  entry: boolean;
  className: string;
  id?: string;
  /** `inputVal` (standard views) or `customInput` (custom popup): ids are prefix + index. */
  inputIdPrefix: string;
  describedBy?: string;
  listeners: Listeners;
  onChange(): void;
  /** The user tapped or clicked the number: the keypad should open. */
  onPointerActivate(): void;
}

export interface Digits {
  el: HTMLElement;
  inputs: HTMLInputElement[];
  value(): string;
  complete(): boolean;
  clear(): void;
  focusFirstEmpty(): void;
  /** Keypad: types into the active cell and moves on. */
  type(digit: string): void;
  /** Keypad: deletes the active cell, or the previous one when the active one is empty. */
  erase(): void;
  setReadOnly(on: boolean): void;
  /** While our keypad is open the system keyboard stays away (`inputmode="none"`). */
  setKeypadMode(on: boolean): void;
}

/** Full-width digits (IME) become ASCII, everything else that is not a digit goes. */
export function onlyDigits(text: string): string {
  return text.replace(/[\uFF10-\uFF19]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xff10 + 48)).replace(/\D+/g, "");
}

export function createDigits(opts: DigitsOptions): Digits {
  const masked = opts.maskPhone.slice(0, 40);
  const count = opts.entry ? Math.min(hiddenDigitCount(masked), 8) : 0;
  const el = h("div", { className: opts.className, id: opts.id });
  const inputs: HTMLInputElement[] = [];

  if (count === 0) {
    el.appendChild(h("span", { className: "ydrz-phone-text", text: masked }));
    const noop = (): void => undefined;
    return {
      el,
      inputs,
      value: () => "",
      complete: () => true,
      clear: noop,
      focusFirstEmpty: noop,
      type: noop,
      erase: noop,
      setReadOnly: noop,
      setKeypadMode: noop,
    };
  }

  const run = /\*+/.exec(masked)!;
  const prefix = masked.slice(0, run.index);
  const suffix = masked.slice(run.index + run[0].length);
  el.setAttribute("role", "group");
  el.setAttribute("aria-label", `手机号码${prefix}${"*".repeat(count)}${suffix}，请输入中间${count}位`);
  if (opts.describedBy) el.setAttribute("aria-describedby", opts.describedBy);

  el.appendChild(h("span", { className: "ydrz-phone-part", text: prefix, attrs: { "aria-hidden": "true" } }));
  const cells = h("span", { className: "ydrz-digit-cells" });
  for (let i = 0; i < count; i++) {
    const input = h("input", {
      id: opts.inputIdPrefix + i,
      className: "ydrz-digit",
      attrs: {
        type: "text",
        inputmode: "numeric",
        pattern: "[0-9]*",
        autocomplete: "off",
        enterkeyhint: i === count - 1 ? "done" : "next",
        "aria-label": `第${i + 1}位`,
        "data-index": String(i),
      },
    });
    inputs.push(input);
    cells.appendChild(input);
  }
  el.appendChild(cells);
  el.appendChild(h("span", { className: "ydrz-phone-part", text: suffix, attrs: { "aria-hidden": "true" } }));

  let active = 0;
  let composing = false;
  let keypadMode = false;
  let restoreInputmodeOnBlur = false;
  const L = opts.listeners;

  // Only settled digits count: a cell may briefly hold an IME's uncommitted text.
  const value = (): string => inputs.map((i) => (/^\d$/.test(i.value) ? i.value : "")).join("");
  const complete = (): boolean => inputs.every((i) => /^\d$/.test(i.value));
  const firstEmpty = (): number => {
    const i = inputs.findIndex((x) => x.value === "");
    return i === -1 ? count - 1 : i;
  };
  const inputMode = (mode: string): void => {
    for (const i of inputs) i.setAttribute("inputmode", mode);
  };
  const focusCell = (i: number): void => {
    active = Math.max(0, Math.min(count - 1, i));
    focusNoScroll(inputs[active]);
  };

  /** Clears the cell before `index` and moves there (backspace from an empty cell). */
  const back = (index: number): void => {
    inputs[index - 1].value = "";
    focusCell(index - 1);
  };

  /** Writes digits from cell `start` on; returns the index after the last written cell. */
  const fill = (start: number, digits: string): number => {
    let i = start;
    for (const d of digits) {
      if (i >= count) break;
      inputs[i].value = d;
      i++;
    }
    return i;
  };

  /** Handles any multi-character arrival: a pasted group, a pasted full number, an IME commit. */
  const receive = (index: number, raw: string): void => {
    let digits = onlyDigits(raw);
    const prefixDigits = onlyDigits(prefix);
    const suffixDigits = onlyDigits(suffix);
    const whole = prefixDigits.length + count + suffixDigits.length;
    if (digits.length === whole && digits.startsWith(prefixDigits) && digits.endsWith(suffixDigits)) {
      digits = digits.slice(prefixDigits.length, prefixDigits.length + count);
      index = 0;
    } else if (digits.length === count) {
      index = 0;
    }
    const next = fill(index, digits);
    focusCell(next >= count ? count - 1 : next);
    opts.onChange();
  };

  inputs.forEach((input, index) => {
    L.on(input, "focus", () => {
      active = index;
      // So that typing into a filled cell replaces its digit.
      try {
        input.select();
      } catch {
        /* not selectable in some engines */
      }
    });
    L.on(input, "compositionstart", () => {
      composing = true;
    });
    L.on<CompositionEvent>(input, "compositionend", (event) => {
      composing = false;
      input.value = "";
      receive(index, event.data || "");
    });
    L.on<InputEvent>(input, "input", (event) => {
      if (composing || event.isComposing) return;
      const typed = onlyDigits(event.data != null ? event.data : input.value);
      const current = onlyDigits(input.value);
      if (typed.length > 1 || (event.data == null && current.length > 1)) {
        input.value = "";
        receive(index, typed.length > 1 ? typed : current);
        return;
      }
      if (current === "" && typed === "") {
        input.value = "";
        opts.onChange();
        return;
      }
      input.value = typed || current.slice(-1);
      if (input.value && index < count - 1) focusCell(index + 1);
      opts.onChange();
    });
    // Android keyboards report Backspace as "Unidentified" keydowns; an empty cell then only
    // shows up as a deleteContentBackward beforeinput with nothing to delete.
    L.on<InputEvent>(input, "beforeinput", (event) => {
      if (event.inputType === "deleteContentBackward" && input.value === "" && index > 0 && !input.readOnly) {
        event.preventDefault();
        back(index);
        opts.onChange();
      }
    });
    L.on<ClipboardEvent>(input, "paste", (event) => {
      const text = event.clipboardData ? event.clipboardData.getData("text") : "";
      event.preventDefault();
      receive(index, text);
    });
    L.on<KeyboardEvent>(input, "keydown", (event) => {
      if (event.key === "Backspace" || event.key === "Delete") {
        event.preventDefault();
        if (input.readOnly) return;
        // Delete clears this cell only; Backspace from an empty cell goes back one.
        if (event.key === "Delete" || input.value !== "") input.value = "";
        else if (index > 0) back(index);
        opts.onChange();
      } else if (event.key === "ArrowLeft" && index > 0) {
        event.preventDefault();
        focusCell(index - 1);
      } else if (event.key === "ArrowRight" && index < count - 1) {
        event.preventDefault();
        focusCell(index + 1);
      }
    });
  });

  // The whole number is one big target (the cells themselves may be small): a tap anywhere on it
  // goes to the first empty cell and opens the keypad.
  // Like the original's keypad, entry by pointer is sequential: the first empty cell, whichever
  // cell was hit (preventDefault keeps the browser from focusing the hit cell itself).
  // The keypad opens on the click that follows, not here: it moves the view, and a layout change
  // between pointerdown and click would send the click to whatever is then under the finger.
  L.on<PointerEvent>(el, "pointerdown", (event) => {
    if (inputs[0].readOnly) return;
    keypadMode = true;
    inputMode("none");
    event.preventDefault();
    focusCell(firstEmpty());
  });
  L.on<MouseEvent>(el, "click", () => {
    if (inputs[0].readOnly) return;
    opts.onPointerActivate();
  });
  L.on<FocusEvent>(el, "focusout", (event) => {
    const next = event.relatedTarget as Node | null;
    if (restoreInputmodeOnBlur && !(next && el.contains(next))) {
      restoreInputmodeOnBlur = false;
      inputMode("numeric");
    }
  });

  return {
    el,
    inputs,
    value,
    complete,
    clear() {
      for (const i of inputs) i.value = "";
      active = 0;
      opts.onChange();
    },
    focusFirstEmpty() {
      focusCell(firstEmpty());
    },
    type(digit) {
      if (!/^\d$/.test(digit) || inputs[0].readOnly) return;
      const i = active;
      inputs[i].value = digit;
      focusCell(i + 1 < count ? i + 1 : i);
      opts.onChange();
    },
    erase() {
      if (inputs[0].readOnly) return;
      let i = active;
      if (inputs[i].value === "" && i > 0) i--;
      inputs[i].value = "";
      focusCell(i);
      opts.onChange();
    },
    setReadOnly(on) {
      for (const i of inputs) i.readOnly = on;
    },
    setKeypadMode(on) {
      if (on) {
        keypadMode = true;
        inputMode("none");
        return;
      }
      if (!keypadMode) return;
      keypadMode = false;
      // Switching back while a cell has focus would pop the system keyboard up at once.
      if (el.contains(el.ownerDocument.activeElement)) restoreInputmodeOnBlur = true;
      else inputMode("numeric");
    },
  };
}
