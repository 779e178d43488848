import { afterEach, describe, expect, test, vi } from "vitest";
import {
  border,
  colour,
  flag,
  fontFamily,
  fontSize,
  fontWeight,
  length,
  offsetTop,
  opacity,
  position,
  REM_PX,
  textAlign,
  textDecoration,
  textOption,
} from "../../../src/views/options";
import { readBox } from "../../../src/views/layout";

afterEach(() => {
  vi.restoreAllMocks();
  document.documentElement.style.fontSize = "";
});

describe("lengths", () => {
  test.each([
    ["20px", "20px"],
    ["50%", "50%"],
    ["1.5rem", "18px"],
    ["1.33rem", "15.96px"],
    ["2em", "24px"],
    [" 12 ", "12px"],
    [12, "12px"],
    ["0", "0px"],
    ["10vw", "10vw"],
    [".5rem", "6px"],
  ])("%j → %s", (input, out) => {
    expect(length(input, "f")).toBe(out);
  });

  test("rem counts 12px whatever the host page's root font size is", () => {
    document.documentElement.style.fontSize = "20px";
    expect(REM_PX).toBe(12);
    expect(length("2rem", "f")).toBe("24px");
  });

  test.each([undefined, null, "", "  "])("%j is the default, silently", (input) => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => undefined);
    expect(length(input, "f")).toBeUndefined();
    expect(warn).not.toHaveBeenCalled();
  });

  test.each([
    "20",
    "abc",
    "20pt",
    "1e3px",
    "20px;color:red",
    "calc(1px)",
    {},
    [],
    true,
    NaN,
    Infinity,
    "-5px",
  ])("%j is rejected with a warning (unless meaningful)", (input) => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => undefined);
    const out = length(input, "layerStyle.width");
    if (input === "20") expect(out).toBe("20px");
    else {
      expect(out).toBeUndefined();
      expect(warn).toHaveBeenCalled();
    }
  });

  test("percent can be refused for font sizes", () => {
    vi.spyOn(console, "warn").mockImplementation(() => undefined);
    expect(fontSize("50%", "f")).toBeUndefined();
    expect(fontSize("20px", "f")).toBe("20px");
  });

  test("left: center, high: center (no distance → default, no warning)", () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => undefined);
    expect(position("center", "f")).toBe("center");
    expect(position(" CENTER ", "f")).toBe("center");
    expect(position("-10px", "f")).toBe("-10px");
    expect(offsetTop("center", "f")).toBeUndefined();
    expect(offsetTop("1rem", "f")).toBe("12px");
    expect(warn).not.toHaveBeenCalled();
  });
});

describe("colours", () => {
  test.each([
    "#FFF",
    "#ffff",
    "#FFFFFF",
    "#FFFFFF80",
    "rgb(1, 2, 3)",
    "rgba(1,2,3,0.5)",
    "hsl(120 50% 50%)",
    "red",
    "transparent",
  ])("%s is kept", (c) => {
    expect(colour(c, "f")).toBe(c);
  });
  test.each([
    "#FFFFF",
    "#GGG",
    "notacolour",
    "red;background:url(x)",
    "rgb(1,2,3));x",
    "url(x)",
    "expression(alert(1))",
    123,
    "#fff !important",
  ])("%j is ignored with a warning", (c) => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => undefined);
    expect(colour(c, "agreeStyle.fontColor")).toBeUndefined();
    expect(String(warn.mock.calls[0][0])).toContain("agreeStyle.fontColor");
  });
});

describe("booleans", () => {
  test.each([
    [true, true],
    ["true", true],
    ["ture", true],
    ["TRUE", true],
    [false, false],
    ["false", false],
  ])("%j → %s", (input, out) => {
    expect(flag(input, !out)).toBe(out);
  });
  test.each([undefined, "", "yes", 1, 0, null])("%j → the default", (input) => {
    expect(flag(input, true)).toBe(true);
    expect(flag(input, false)).toBe(false);
  });
});

describe("other fields", () => {
  test("opacity 0…1 as number or string", () => {
    vi.spyOn(console, "warn").mockImplementation(() => undefined);
    expect(opacity("0.6", "f")).toBe("0.6");
    expect(opacity(1, "f")).toBe("1");
    expect(opacity("", "f")).toBeUndefined();
    expect(opacity("2", "f")).toBeUndefined();
    expect(opacity("0.5;x", "f")).toBeUndefined();
  });
  test("font family: names and commas only", () => {
    vi.spyOn(console, "warn").mockImplementation(() => undefined);
    expect(fontFamily("PingFangSC-Medium, PingFangSC", "f")).toBe("PingFangSC-Medium, PingFangSC");
    expect(fontFamily("微软雅黑", "f")).toBe("微软雅黑");
    expect(fontFamily('"a";}', "f")).toBeUndefined();
    expect(fontFamily("a\\62", "f")).toBeUndefined();
  });
  test("keywords", () => {
    vi.spyOn(console, "warn").mockImplementation(() => undefined);
    expect(fontWeight("500", "f")).toBe("500");
    expect(fontWeight(600, "f")).toBe("600");
    expect(fontWeight("heavy", "f")).toBeUndefined();
    expect(textAlign("Center", "f")).toBe("center");
    expect(textAlign("middle", "f")).toBeUndefined();
    expect(textDecoration("underline", "f")).toBe("underline");
    expect(textDecoration("blink", "f")).toBeUndefined();
  });
  test("border", () => {
    vi.spyOn(console, "warn").mockImplementation(() => undefined);
    expect(border("0", "f")).toBe("0");
    expect(border(0, "f")).toBe("0");
    expect(border("none", "f")).toBe("none");
    expect(border("1px solid #FFFFFF", "f")).toBe("1px solid #FFFFFF");
    expect(border("solid 0.1rem rgb(1, 2, 3)", "f")).toBe("solid 1.2px rgb(1, 2, 3)");
    expect(border("1px solid #FFFFF", "f")).toBeUndefined();
    expect(border("1px solid red; background: url(x)", "f")).toBeUndefined();
    expect(border("1px solid red solid", "f")).toBeUndefined();
  });
  test("texts: strings or the default; an empty title is allowed where the seed says so", () => {
    expect(textOption("x", "d")).toBe("x");
    expect(textOption("", "d")).toBe("d");
    expect(textOption("", "d", true)).toBe("");
    expect(textOption(12, "d")).toBe("12");
    expect(textOption({ toString: () => "<b>" }, "d")).toBe("d");
  });
  test("readBox takes textAlign and the seed's textalign spelling; drops what is invalid", () => {
    vi.spyOn(console, "warn").mockImplementation(() => undefined);
    expect(readBox({ textalign: "right" }, "f").textAlign).toBe("right");
    expect(readBox({ textAlign: "left", textalign: "right" }, "f").textAlign).toBe("left");
    expect(readBox({ high: "1rem", left: "center", width: "bad", fontColor: "#123" }, "f")).toEqual(
      { high: "12px", left: "center", fontColor: "#123" },
    );
    expect(readBox("not an object", "f")).toEqual({});
    expect(readBox(null, "f")).toEqual({});
  });
});
