// One rule for the hidden digits, shared by the view (a cell each) and the token request (exactly
// that many): no mask draws a view that can never submit.
import { afterEach, describe, expect, it, vi } from "vitest";
import { completeMaskedPhone, splitMask } from "../../../src/protocol/masked-phone";
import { createDigits } from "../../../src/views/digits";
import { Listeners } from "../../../src/views/dom";

const masks = [
  "138****1234",
  "1**********4",
  "1".repeat(1_000_000) + "****",
  "****",
  "1*2*3",
  "138********",
  "13800001234",
  "*".repeat(9),
  "１３８****１２３４",
  "",
];

afterEach(() => {
  document.body.innerHTML = "";
});

describe("splitMask", () => {
  it("cuts the usual mask round its four hidden digits", () => {
    expect(splitMask("138****1234")).toEqual({ prefix: "138", hidden: 4, suffix: "1234" });
    expect(completeMaskedPhone("138****1234", "0000")).toBe("13800001234");
  });

  it("refuses masks nobody can complete: too many hidden digits, too long, two runs", () => {
    expect(splitMask("1**********4")).toBeUndefined();
    expect(splitMask("1".repeat(1_000_000) + "****")).toBeUndefined();
    expect(splitMask("1*2*3")).toBeUndefined();
    expect(completeMaskedPhone("1**********4", "0".repeat(10))).toBeUndefined();
  });

  for (const mask of masks) {
    it(`the view's cells and the token request agree for ${JSON.stringify(mask.slice(0, 16))}…`, () => {
      const digits = createDigits({
        maskPhone: mask,
        entry: true,
        className: "n",
        inputIdPrefix: "c",
        describedBy: "tip",
        listeners: new Listeners(),
        changed: vi.fn(),
      });
      const cells = digits.inputs.length;
      expect(cells).toBe(splitMask(mask)?.hidden ?? 0);
      // With a cell for each hidden digit filled, the number is complete.
      if (cells) expect(completeMaskedPhone(mask, "5".repeat(cells))).toBeDefined();
    });
  }
});
