// The hostile gateway-answer corpus: CM pre-fetch answers built from a table (every field × wrong
// types, huge strings, markup, prototype-polluting keys) and whole answers of the wrong shape,
// run through the SDK with the real views in jsdom. For each: exactly one final callback, no
// page error, no injected node or attribute, no request outside the gateway, page styles and
// prototypes untouched.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { PATHS, PRODUCTION_HOSTS, TEST_HOSTS } from "../../../src/protocol/hosts";
import { createAuthLogin } from "../../../src/sdk/api";
import { DATA, fakeTransport, flush, recorder, routes, tokenOk } from "./fakes";

const FIELDS = [
  "resultCode",
  "resultDesc",
  "accessToken",
  "maskPhone",
  "authLevel",
  "appName",
  "customerPrivacyConfig",
  "msisdnOwner",
];

const MARKUP = "<img src=x onerror=globalThis.__pwned=1><script>globalThis.__pwned=1</script>";
const PAYLOADS: unknown[] = [
  MARKUP,
  "javascript:globalThis.__pwned=1",
  "9".repeat(1_000_000),
  "*".repeat(100_000),
  12345,
  -1,
  NaN,
  true,
  null,
  [MARKUP],
  { [MARKUP]: "javascript:globalThis.__pwned=1" },
  JSON.parse('{"__proto__": {"polluted": 1}, "constructor": {"prototype": {"polluted": 1}}}'),
  JSON.stringify({ "<b onclick=x>协议</b>": "javascript:alert(1)", __proto__: "x" }),
];

const base = {
  resultCode: "103000",
  resultDesc: "成功",
  accessToken: "AT-CM",
  maskPhone: "138****1234",
  authLevel: "4",
  appName: "示例应用",
};

const SHAPES: [string, unknown][] = [
  ["null", null],
  ["a string", MARKUP],
  ["an array", [base]],
  ["a number", 103000],
  ["a flat answer", base],
  ["an empty body", { body: {} }],
  ["a body of markup", { body: MARKUP }],
  [
    "__proto__ at the top",
    JSON.parse(`{"__proto__": {"polluted": 1}, "body": ${JSON.stringify(base)}}`),
  ],
  ["constructor in the body", { body: { ...base, constructor: { prototype: { polluted: 1 } } } }],
  [
    "a 1 MB appName in a 103000 without token",
    { body: { ...base, accessToken: "", appName: "名".repeat(1e6) } },
  ],
];

const ANSWERS: [string, unknown][] = [
  ...FIELDS.flatMap((field) =>
    PAYLOADS.map((value, i): [string, unknown] => [
      `${field} = payload ${i}`,
      { body: { ...base, [field]: value } },
    ]),
  ),
  ...SHAPES,
];

const GATEWAY_ORIGINS = new Set(
  [...Object.values(PRODUCTION_HOSTS), ...Object.values(TEST_HOSTS)].map((h) => new URL(h).origin),
);

const prototypeKeys = () =>
  Object.getOwnPropertyNames(Object.prototype).join() +
  "|" +
  Object.getOwnPropertyNames(Array.prototype).join();

/** Markup that made it into the document as nodes or attributes. */
function injected(): string[] {
  const found: string[] = [];
  for (const el of Array.from(document.querySelectorAll("*"))) {
    if (["SCRIPT", "IMG", "B"].includes(el.tagName) && el.closest(".ydrz-root"))
      found.push(el.outerHTML.slice(0, 80));
    for (const attr of Array.from(el.attributes)) {
      if (attr.name.startsWith("on")) found.push(attr.name);
      if (attr.value.toLowerCase().includes("javascript:")) found.push(attr.name);
    }
  }
  return found;
}

const pageErrors: unknown[] = [];
const onError = (event: ErrorEvent) => pageErrors.push(event.error);
beforeAll(() => {
  window.addEventListener("error", onError);
  vi.spyOn(window, "scrollTo").mockImplementation(() => undefined);
  vi.spyOn(console, "warn").mockImplementation(() => undefined);
  // jsdom has no layout and no scrollIntoView (the keypad scrolls the number clear with it).
  if (typeof Element.prototype.scrollIntoView !== "function") {
    Element.prototype.scrollIntoView = () => undefined;
  }
});
afterAll(() => {
  window.removeEventListener("error", onError);
  vi.restoreAllMocks();
});

describe(`hostile gateway answers (${ANSWERS.length})`, () => {
  it("has at least 100 answers", () => {
    expect(ANSWERS.length).toBeGreaterThanOrEqual(100);
  });

  for (const [name, answer] of ANSWERS) {
    for (const authPageType of ["0", "1"] as const) {
      it(`${name} (authPageType ${authPageType}): one final callback, nothing injected or leaked`, async () => {
        const transport = fakeTransport(
          routes({ [PATHS.preGetMobile]: answer, [PATHS.authGetToken]: tokenOk }),
        );
        const report = vi.fn();
        const sdk = createAuthLogin({ transport, report, now: () => 0, random: () => 0.5 });
        const styles = document.documentElement.getAttribute("style");
        const protos = prototypeKeys();
        (globalThis as Record<string, unknown>).__pwned = undefined;
        const rec = recorder();
        sdk.getTokenInfo({ data: { ...DATA, authPageType }, ...rec.callbacks });
        await vi.waitFor(() => {
          expect(rec.all.length > 0 || document.querySelector(".ydrz-root")).toBeTruthy();
        });
        expect(injected()).toEqual([]);
        sdk.endGetToken();
        await flush();
        expect(rec.all).toHaveLength(1);
        expect(document.querySelector(".ydrz-root")).toBeNull();
        expect(document.documentElement.getAttribute("style")).toBe(styles);
        expect(prototypeKeys()).toBe(protos);
        expect(({} as Record<string, unknown>).polluted).toBeUndefined();
        expect((globalThis as Record<string, unknown>).__pwned).toBeUndefined();
        expect(pageErrors).toEqual([]);
        for (const call of transport.calls)
          expect(GATEWAY_ORIGINS).toContain(new URL(call.url).origin);
      });
    }
  }
});
