/**
 * The masked number with one input per hidden digit (`138 [ ][ ][ ][ ] 1234`). Accepts digits
 * from the built-in keypad, a physical keyboard, an IME (full-width digits too), paste of the
 * whole group or of the whole number, and backspace across cells. authLevel "1" shows the
 * number as plain text.
 */

import { focusNoScroll, h, Listeners } from "./dom";

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
  /** Keypad: a digit types into the active cell and moves on; "del" deletes the active cell, or the previous one when the active one is empty. */
  key(value: string): void;
  /** The keypad closed: the system keyboard may come back (it stays away while ours is open: `inputmode="none"`). */
  keypadClosed(): void;
}

/** Full-width digits (IME) become ASCII, everything else that is not a digit goes. */
export function onlyDigits(text: string): string {
  return text.replace(/[\uFF10-\uFF19]/g, (c) => String(c.charCodeAt(0) - 0xff10)).replace(/\D+/g, "");
}

/**
 * `inputIdPrefix`: `inputVal` (standard views) or `customInput` (custom popup): ids are prefix +
 * index. `entry`: the hidden digits must be typed (authLevel "4"). `onActivate`: the user tapped
 * or clicked the number, the keypad should open.
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
  onActivate: () => void,
): Digits {
  const masked = maskPhone.slice(0, 40);
  // What comes before the run of `*`, the run, and the rest (all but the first may be empty).
  const [, prefix, run, suffix] = /^([^*]*)(\**)([^]*)$/.exec(masked)!;
  const count = entry ? Math.min(run.length, 8) : 0;
  const el = h("div", className, { id });
  const inputs: HTMLInputElement[] = [];
  let active = 0;
  let composing = false;
  let keypadMode = false;
  let restoreInputmodeOnBlur = false;
  const readOnly = (): boolean => inputs[0].readOnly;
  const prefixDigits = onlyDigits(prefix);
  const suffixDigits = onlyDigits(suffix);

  // Only settled digits count: a cell may briefly hold an IME's uncommitted text.
  const value = (): string => inputs.map((i) => (/^\d$/.test(i.value) ? i.value : "")).join("");
  const inputMode = (mode: string): void => {
    for (const i of inputs) i.setAttribute("inputmode", mode);
  };
  /** Focuses cell `i`, clamped to the cells (none when the number is only shown). */
  const focusCell = (i: number): void => {
    if (count) focusNoScroll(inputs[(active = Math.max(0, Math.min(count - 1, i)))]);
  };
  const focus = (): void => {
    const i = inputs.findIndex((x) => x.value == "");
    focusCell(i < 0 ? count - 1 : i);
  };
  const digits: Digits = {
    el,
    inputs,
    value,
    focus,
    key(v) {
      if (readOnly()) return;
      if (v == "del") backspace(active);
      else if (/^\d$/.test(v)) receive(active, v);
    },
    keypadClosed() {
      if (keypadMode) {
        keypadMode = false;
        // Switching back while a cell has focus would pop the system keyboard up at once.
        if (el.contains(el.ownerDocument.activeElement)) restoreInputmodeOnBlur = true;
        else inputMode("numeric");
      }
    },
  };

  if (!count) {
    el.appendChild(h("span", "ydrz-phone-text", 0, [masked]));
    return digits;
  }

  el.setAttribute("role", "group");
  el.setAttribute("aria-label", `手机号码${prefix}${"*".repeat(count)}${suffix}，请输入中间${count}位`);
  el.setAttribute("aria-describedby", describedBy);

  const part = (text: string): HTMLElement => h("span", "ydrz-phone-part", { "aria-hidden": "true" }, [text]);
  const cells = h("span", "ydrz-digit-cells");
  el.append(part(prefix), cells, part(suffix));

  /** Backspace in cell `i`: clears it, or when it is empty the one before, and moves there. */
  const backspace = (i: number): void => {
    if (inputs[i].value == "" && i > 0) i--;
    inputs[i].value = "";
    focusCell(i);
    changed();
  };

  /**
   * Digits arriving in cell `index`: typed, a pasted group, a pasted full number, an IME commit.
   * A whole group or a whole number fills from the first cell; anything else from `index` on.
   */
  const receive = (index: number, raw: string): void => {
    let digits = onlyDigits(raw);
    const middle = digits.slice(prefixDigits.length, prefixDigits.length + count);
    if (middle.length == count && prefixDigits + middle + suffixDigits == digits) {
      digits = middle;
      index = 0;
    } else if (digits.length == count) {
      index = 0;
    }
    for (const d of digits) if (index < count) inputs[index++].value = d;
    focusCell(index);
    changed();
  };

  for (let index = 0; index < count; index++) {
    const input = h("input", "ydrz-digit", { id: inputIdPrefix + index, type: "text", inputmode: "numeric", pattern: "[0-9]*", autocomplete: "off", enterkeyhint: index < count - 1 ? "next" : "done", "aria-label": `第${index + 1}位` });
    inputs.push(input);
    cells.appendChild(input);
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
      // What the keyboard sent (or, without event data, what the cell now holds).
      const typed = onlyDigits(event.data != null ? event.data : input.value);
      if (typed.length > 1) {
        input.value = "";
        receive(index, typed);
        return;
      }
      input.value = typed || onlyDigits(input.value).slice(-1);
      if (input.value && index < count - 1) focusCell(index + 1);
      changed();
    });
    // Android keyboards report Backspace as "Unidentified" keydowns; an empty cell then only
    // shows up as a deleteContentBackward beforeinput with nothing to delete.
    L.on<InputEvent>(input, "beforeinput", (event) => {
      if (event.inputType == "deleteContentBackward" && input.value == "" && index > 0 && !readOnly()) {
        event.preventDefault();
        backspace(index);
      }
    });
    L.on<ClipboardEvent>(input, "paste", (event) => {
      event.preventDefault();
      receive(index, event.clipboardData ? event.clipboardData.getData("text") : "");
    });
    L.on<KeyboardEvent>(input, "keydown", (event) => {
      const key = event.key;
      if (key == "Backspace" || key == "Delete") {
        event.preventDefault();
        if (readOnly()) return;
        // Delete clears this cell only; Backspace from an empty cell goes back one.
        if (key == "Delete") {
          input.value = "";
          changed();
        } else backspace(index);
      } else if ((key == "ArrowLeft" && index > 0) || (key == "ArrowRight" && index < count - 1)) {
        event.preventDefault();
        focusCell(key == "ArrowLeft" ? index - 1 : index + 1);
      }
    });
  }

  // The whole number is one big target (the cells themselves may be small): a tap anywhere on it
  // goes to the first empty cell and opens the keypad.
  // Like the original's keypad, entry by pointer is sequential: the first empty cell, whichever
  // cell was hit (preventDefault keeps the browser from focusing the hit cell itself).
  // The keypad opens on the click that follows, not here: it moves the view, and a layout change
  // between pointerdown and click would send the click to whatever is then under the finger.
  L.on(el, "pointerdown", (event) => {
    if (readOnly()) return;
    keypadMode = true;
    inputMode("none");
    event.preventDefault();
    focus();
  });
  L.on(el, "click", () => {
    if (!readOnly()) onActivate();
  });
  L.on<FocusEvent>(el, "focusout", (event) => {
    const next = event.relatedTarget as Node | null;
    if (restoreInputmodeOnBlur && !(next && el.contains(next))) {
      restoreInputmodeOnBlur = false;
      inputMode("numeric");
    }
  });

  return digits;
}
