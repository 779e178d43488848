import { afterEach, describe, expect, test, vi } from "vitest";
import {
  border,
  colour,
  fontFamily,
  fontSize,
  fontWeight,
  length,
  offsetTop,
  opacity,
  position,
  signed,
  textAlign,
  textDecoration,
} from "../../../src/views/options";
import { safeUrl, setStyle } from "../../../src/views/sanitize";

afterEach(() => vi.restoreAllMocks());

describe("URLs", () => {
  test.each([
    "https://example.com/a?b=c#d",
    "http://example.com",
    "/relative/path",
    "relative.html",
    "协议链接",
    "//cdn.example.com/x",
    "?q=1",
    "#top",
    "a/b:c",
  ])("%s is allowed", (u) => {
    expect(safeUrl(u)).toBe(u);
  });
  test.each([
    "javascript:alert(1)",
    "JAVASCRIPT:alert(1)",
    " javascript:alert(1)",
    "\u0001javascript:alert(1)",
    "java\tscript:alert(1)",
    "java\nscript:alert(1)",
    "vbscript:msgbox(1)",
    "data:text/html,<script>alert(1)</script>",
    "data:image/png;base64,iVBORw0KGgo=",
    "file:///etc/passwd",
    "blob:https://x/y",
    "mailto:x@y",
    "javascript&colon;alert(1):x",
    "",
    "   ",
  ])("%j is dropped for links", (u) => {
    expect(safeUrl(u, "link")).toBeUndefined();
  });
  test("raster data: URLs are allowed for images only", () => {
    expect(safeUrl("data:image/png;base64,iVBORw0KGgo=", "image")).toBe(
      "data:image/png;base64,iVBORw0KGgo=",
    );
    expect(safeUrl("data:image/svg+xml,<svg onload=alert(1)>", "image")).toBeUndefined();
    expect(safeUrl("data:text/html;base64,PHNjcmlwdD4=", "image")).toBeUndefined();
  });
  test("non-strings are dropped", () => {
    expect(safeUrl(42)).toBeUndefined();
    expect(safeUrl({ toString: () => "https://x" })).toBeUndefined();
    expect(safeUrl(null)).toBeUndefined();
  });
});

describe("style values", () => {
  const validators = {
    length,
    fontSize,
    signed,
    position,
    offsetTop,
    colour,
    border,
    opacity,
    fontFamily,
    fontWeight,
    textAlign,
    textDecoration,
  };
  test.each([
    "red;position:fixed",
    "1px}body{display:none",
    "url(https://x)",
    "URL (x)",
    "expression(alert(1))",
    '"x"',
    "'x'",
    "a\\62",
    "1px/*",
    "red !important",
    "<x>",
    "image-set(x)",
    "@import x",
    "1px solid red; background: url(x)",
    "20px\\3b color:red",
  ])("%j cannot leave its declaration: every validator refuses it", (v) => {
    vi.spyOn(console, "warn").mockImplementation(() => undefined);
    for (const [name, parse] of Object.entries(validators))
      expect(parse(v, "f"), name).toBeUndefined();
  });
  test("values are set through the CSSOM, one property each", () => {
    const el = document.createElement("div");
    setStyle(el, "width", "20px");
    expect(el.style.width).toBe("20px");
    setStyle(el, "height", undefined);
    expect(el.getAttribute("style")).toBe("width: 20px;");
  });
});
