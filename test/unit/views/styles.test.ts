import { afterEach, expect, test, vi } from "vitest";
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import inlined from "../../../styles/ydrz.css?inline";
import { mountView } from "../../../src/views";
import { injectStyles, STYLE_ATTRIBUTE } from "../../../src/views/styles";
import { cleanupDom, model, mount, spies } from "./helpers";
import { cssModule } from "../../../scripts/rollup-plugins.mjs";

// vitest does not process CSS by default (`?inline` gives ""): read the source for the scoping check.
const source = readFileSync(resolve(process.cwd(), "styles/ydrz.css"), "utf8");

afterEach(() => {
  cleanupDom();
  vi.restoreAllMocks();
});

test("injected once, as the first child of <head>, before author styles", () => {
  vi.spyOn(window, "scrollTo").mockImplementation(() => undefined);
  const author = document.createElement("link");
  author.rel = "stylesheet";
  document.head.appendChild(author);
  mount(model("standard-popup"), spies()).destroy();
  mount(model("custom-page"), spies());
  const styles = document.head.querySelectorAll(`style[${STYLE_ATTRIBUTE}]`);
  expect(styles).toHaveLength(1);
  expect(document.head.firstElementChild).toBe(styles[0]);
  expect(styles[0].textContent).toBe(inlined);
  author.remove();
});

test("not injected when the flow says so (style.css linked by the integrator)", () => {
  vi.spyOn(window, "scrollTo").mockImplementation(() => undefined);
  const v = mountView({ ...model("standard-popup"), injectCss: false }, spies());
  expect(document.head.querySelector(`style[${STYLE_ATTRIBUTE}]`)).toBeNull();
  v.destroy();
  expect(injectStyles(document, false)).toBeUndefined();
});

test("every rule is scoped under an SDK root; nothing styles the host page", () => {
  const withoutComments = source.replace(/\/\*[\s\S]*?\*\//g, "");
  const selectors: string[] = [];
  const re = /([^{}]+)\{/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(withoutComments))) {
    const sel = m[1].trim();
    if (sel.startsWith("@") || /^(from|to|\d+%)$/.test(sel)) continue;
    selectors.push(...sel.split(",").map((s) => s.trim()));
  }
  expect(selectors.length).toBeGreaterThan(50);
  for (const s of selectors) expect(s, s).toMatch(/^\.ydrz-root($|[.\s:[])/);
  // No network request to paint.
  expect(withoutComments).not.toMatch(/url\(|@import/);
});

test("the inlined module gives back exactly the compiled sheet", () => {
  // What `?inline` imports load in the bundles: the module's default export must be the sheet.
  const load = (css: string): unknown =>
    // eslint-disable-next-line @typescript-eslint/no-implied-eval -- running the generated module is the test
    new Function(cssModule(css).replace(/^export default /, "return "))();
  const scoped =
    '.ydrz-root{color:#333}.ydrz-root .a,.ydrz-root.b{content:"\\"}@media (x){.ydrz-root [hidden]{display:none!important}}';
  expect(load(scoped)).toBe(scoped);
  // The scope is written once in the module, not once per selector.
  expect(cssModule(scoped).split(".ydrz-root")).toHaveLength(2);
  const tilde = ".ydrz-root .a~.b{color:red}";
  expect(load(tilde)).toBe(tilde);
  expect(load("")).toBe("");
});
