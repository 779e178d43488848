// Font sizes outside a readable range fall back to the default: `phoneStyle.fontSize: 0` once
// shrank the digit cells to 2 px, where typed digits could no longer be seen or hit.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { fontSize } from "../../../src/views/options";
import { cleanupDom, model, mount, spies, typeInto } from "./helpers";

beforeEach(() => {
  vi.spyOn(window, "scrollTo").mockImplementation(() => undefined);
  vi.spyOn(console, "warn").mockImplementation(() => undefined);
});
afterEach(() => {
  cleanupDom();
  vi.restoreAllMocks();
});

const unusable = [0, "0", "0px", 2, "7.9px", "0.5rem", 1e4, "97px", "9rem", "1vw", "25vh", -1];
const usable: [unknown, string][] = [
  [8, "8px"],
  ["22px", "22px"],
  [96, "96px"],
  ["1.5rem", "18px"],
  ["5vw", "5vw"],
];

describe("fontSize", () => {
  for (const value of unusable) {
    it(`refuses ${JSON.stringify(value)} with a warning`, () => {
      expect(fontSize(value, "phoneStyle.fontSize")).toBeUndefined();
      expect(console.warn).toHaveBeenCalledTimes(1);
    });
  }
  for (const [value, css] of usable) {
    it(`accepts ${JSON.stringify(value)} as ${css}`, () => {
      expect(fontSize(value, "phoneStyle.fontSize")).toBe(css);
    });
  }

  for (const value of [0, 1e4]) {
    it(`phoneStyle.fontSize ${value}: the number keeps its default size and takes digits`, () => {
      const view = mount(
        model("custom-popup-mask", {
          popupOptions: { maskStyle: { ifShowMask: true }, phoneStyle: { fontSize: value } },
        }),
        spies(),
      );
      const phone = document.querySelector<HTMLElement>("#YDRZ_InputPhone_two")!;
      expect(phone.style.getPropertyValue("font-size")).toBe("22px");
      const cells = Array.from(phone.querySelectorAll("input"));
      expect(cells).toHaveLength(4);
      cells.forEach((cell, i) => typeInto(cell, String(i + 1)));
      expect(view.state()).toMatchObject({ digits: "1234", complete: true });
    });
  }
});
