// `config({ nonce })`: the CSP nonce of the one <style> the SDK injects. config() keeps a valid
// one and reports an invalid one; the flow hands it to the views, which set it on the element.
import { afterEach, describe, expect, it, vi } from "vitest";
import { PATHS } from "../../../src/protocol/hosts";
import { createScriptLogin } from "../../../src/sdk/api";
import { mountView } from "../../../src/views";
import { injectStyles, STYLE_ATTRIBUTE } from "../../../src/views/styles";
import { cleanupDom, model, spies } from "../views/helpers";
import { cmOk, DATA, fakeTransport, fakeViews, flush, routes } from "./fakes";

afterEach(() => {
  cleanupDom();
  document.head.querySelectorAll(`style[${STYLE_ATTRIBUTE}]`).forEach((s) => s.remove());
  vi.restoreAllMocks();
});

const injected = () => document.head.querySelector(`style[${STYLE_ATTRIBUTE}]`);

describe("config({ nonce })", () => {
  it("keeps base64 and URL-safe tokens of 1 to 200 characters", () => {
    const report = vi.fn();
    const sdk = createScriptLogin({ report });
    for (const nonce of ["abc", "rAnd0m+/Q==", "url-safe_token", "x".repeat(200)]) {
      expect(sdk.config({ nonce }).nonce).toBe(nonce);
    }
    expect(report).not.toHaveBeenCalled();
  });

  it("ignores and reports anything else, keeping the nonce it had", () => {
    const report = vi.fn();
    const sdk = createScriptLogin({ report });
    sdk.config({ nonce: "good" });
    const bad = ["", "x".repeat(201), "a b", "'nonce-x'", "<x>", "a;b", 42, {}, null];
    for (const nonce of bad) {
      expect(sdk.config({ nonce } as never).nonce).toBe("good");
    }
    expect(report).toHaveBeenCalledTimes(bad.length);
    expect(report.mock.calls.every(([why]) => String(why).includes("invalid nonce"))).toBe(true);
    // Absent: nothing to report.
    sdk.config({ timeout: 1000 });
    expect(report).toHaveBeenCalledTimes(bad.length);
  });

  it("reaches the view and the rehearsal; not when the page brings style.css itself", async () => {
    const views = fakeViews();
    const sdk = createScriptLogin({
      transport: fakeTransport(routes({ [PATHS.preGetMobile]: cmOk() })),
      mountView: views.mountView,
      warmView: views.warmView,
      report: vi.fn(),
    });
    sdk.config({ nonce: "abc" });
    sdk.getTokenInfo({ data: { ...DATA } });
    await vi.waitFor(() => expect(views.mounted).toHaveLength(1));
    expect(views.last().model.injectCss).toBe("abc");
    await vi.waitFor(() => expect(views.warmView).toHaveBeenCalled());
    expect(views.warmView.mock.calls[0][1]).toBe("abc");
    sdk.endGetToken();
    sdk.config({ injectCss: false });
    sdk.getTokenInfo({ data: { ...DATA } });
    await vi.waitFor(() => expect(views.mounted).toHaveLength(2));
    expect(views.last().model.injectCss).toBe(false);
    sdk.endGetToken();
    await flush();
  });
});

describe("the injected <style>", () => {
  it("carries the nonce it is given, and none without one", () => {
    injectStyles(document, "abc");
    expect(injected()!.getAttribute("nonce")).toBe("abc");
    injected()!.remove();
    injectStyles(document, true);
    expect(injected()!.hasAttribute("nonce")).toBe(false);
    injected()!.remove();
    injectStyles(document, false);
    expect(injected()).toBeNull();
  });

  it("is the one element a mounted view injects, with the model's nonce", () => {
    vi.spyOn(window, "scrollTo").mockImplementation(() => undefined);
    mountView({ ...model("standard-popup"), injectCss: "n0nce" }, spies()).destroy();
    const styles = document.head.querySelectorAll(`style[${STYLE_ATTRIBUTE}]`);
    expect(styles).toHaveLength(1);
    expect(styles[0].getAttribute("nonce")).toBe("n0nce");
  });
});
