/** Every path between a view and the flow: submit, ready, auto-submit, cancel, busy, wrongDigits, destroy. */
import { afterEach, beforeEach, describe, expect, test, vi, type MockInstance } from "vitest";
import { isScrollLocked } from "../../../src/views/scroll-lock";
import { TOAST_MS } from "../../../src/views/controller";
import {
  cleanupDom,
  key,
  model,
  mount,
  seedPageOptions,
  seedPopupOptions,
  spies,
  typeInto,
} from "./helpers";

let scrollTo: MockInstance<typeof window.scrollTo>;

beforeEach(() => {
  scrollTo = vi.spyOn(window, "scrollTo").mockImplementation(() => undefined);
});
afterEach(() => {
  cleanupDom();
  vi.useRealTimers();
  vi.restoreAllMocks();
});

const $ = <T extends HTMLElement = HTMLElement>(sel: string) => document.querySelector<T>(sel)!;
const cells = (prefix = "inputVal") =>
  [0, 1, 2, 3].map((i) => $<HTMLInputElement>(`#${prefix}${i}`));
const tick = (id: string) => $<HTMLInputElement>(id).click();

function fill(prefix: string, digits: string): void {
  cells(prefix).forEach((c, i) => typeInto(c, digits[i]));
}

describe("standard popup", () => {
  test("submit is disabled until complete, toasts without the tick, submits digits when ticked", () => {
    vi.useFakeTimers();
    const h = spies();
    mount(model("standard-popup"), h);
    const submit = $("#YDRZ_Submitbtn");
    expect(submit.classList.contains("ydrz-disabled")).toBe(true);
    expect(submit.getAttribute("aria-disabled")).toBe("true");
    submit.click();
    expect($("#YDRZToast").textContent).toBe("未补齐4位号码");
    fill("inputVal", "5678");
    expect(submit.classList.contains("ydrz-disabled")).toBe(false);
    submit.click();
    expect($("#YDRZToast").textContent).toBe("请阅读服务协议");
    expect(document.querySelectorAll("#YDRZToast")).toHaveLength(1);
    vi.advanceTimersByTime(TOAST_MS + 1);
    expect(document.querySelector("#YDRZToast")).toBeNull();
    tick("#YDRZ_Checkbox_l4");
    submit.click();
    expect(h.submit).toHaveBeenCalledWith("5678");
    // A double tap before the flow answers does not submit twice.
    submit.click();
    expect(h.submit).toHaveBeenCalledTimes(1);
  });

  test('authLevel 1: the number as text, no inputs, submit with ""', () => {
    const h = spies();
    mount(model("standard-popup", { authLevel: "1" }), h);
    expect($(".ydrz-maskphone").textContent).toBe("138****1234");
    expect(document.querySelectorAll("input.ydrz-digit")).toHaveLength(0);
    expect(document.querySelector("#YDRZ_Checkbox_l1")).not.toBeNull();
    expect($(".ydrz-agree-text").textContent.startsWith("我已阅读同意")).toBe(true);
    tick("#YDRZ_Checkbox_l1");
    $("#YDRZ_Submitbtn").click();
    expect(h.submit).toHaveBeenCalledWith("");
  });

  test("close button and Escape cancel (once)", () => {
    const h = spies();
    mount(model("standard-popup"), h);
    $("#YDRZ_Closebtn").click();
    key(document.activeElement || document.body, "Escape");
    expect(h.cancel).toHaveBeenCalledTimes(1);
  });

  test("Escape cancels", () => {
    const h = spies();
    mount(model("standard-popup"), h);
    const event = key($("#inputVal0"), "Escape");
    expect(h.cancel).toHaveBeenCalledTimes(1);
    expect(event.defaultPrevented).toBe(true);
  });

  test("busy shows and hides the loading state and blocks input; wrongDigits clears, tells and focuses", () => {
    const h = spies();
    const v = mount(model("standard-popup"), h);
    fill("inputVal", "1111");
    tick("#YDRZ_Checkbox_l4");
    $("#YDRZ_Submitbtn").click();
    v.toast("请阅读服务协议");
    v.busy(true);
    expect(document.querySelector("#YDRZToast")).toBeNull();
    expect($("#YDRZLoad").textContent).toBe("请稍候...");
    expect($("#YDRZLoad").getAttribute("role")).toBe("status");
    expect(cells().every((c) => c.readOnly)).toBe(true);
    $("#YDRZ_Submitbtn").click();
    expect(h.submit).toHaveBeenCalledTimes(1);
    v.wrongDigits();
    expect(document.querySelector("#YDRZLoad")).toBeNull();
    expect($("#YDRZErrorTips").textContent).toBe("号码有误，请重新填写");
    expect($("#YDRZErrorTips").getAttribute("aria-live")).toBe("assertive");
    expect(
      cells()
        .map((c) => c.value)
        .join(""),
    ).toBe("");
    expect(cells().every((c) => !c.readOnly)).toBe(true);
    expect(document.activeElement).toBe(cells()[0]);
    expect(cells().every((c) => c.getAttribute("aria-invalid") === "true")).toBe(true);
    expect(v.state()).toEqual({ digits: "", complete: false, agreed: true });
    // Typing again clears the message; a second try can be submitted.
    fill("inputVal", "2222");
    expect($("#YDRZErrorTips").textContent).toBe("");
    expect(cells().some((c) => c.hasAttribute("aria-invalid"))).toBe(false);
    $("#YDRZ_Submitbtn").click();
    expect(h.submit).toHaveBeenLastCalledWith("2222");
    v.busy(false);
    expect(document.querySelector("#YDRZLoad")).toBeNull();
  });

  test("toast() shows the flow's text", () => {
    const v = mount(model("standard-popup"), spies());
    v.toast("未勾选协议");
    expect($("#YDRZToast").textContent).toBe("未勾选协议");
  });

  test("destroy removes every node and listener, gives focus and scrolling back; idempotent", () => {
    const opener = document.createElement("button");
    const other = document.createElement("main");
    document.body.append(other, opener);
    other.setAttribute("aria-hidden", "false");
    opener.focus();
    const h = spies();
    const add = vi.spyOn(document, "addEventListener");
    const remove = vi.spyOn(document, "removeEventListener");
    const v = mount(model("standard-popup"), h);
    expect(document.activeElement).toBe($("#YDRZ_Modal"));
    expect(other.hasAttribute("inert")).toBe(true);
    expect(other.getAttribute("aria-hidden")).toBe("true");
    expect(isScrollLocked()).toBe(true);
    expect(document.body.style.position).toBe("fixed");
    // open the keypad and a toast, then destroy
    $(".ydrz-auth-phone").click();
    expect(document.querySelector(".qs-key-board-wrap")).not.toBeNull();
    v.toast("x");
    v.busy(true);
    v.destroy();
    v.destroy();
    expect(document.querySelector(".ydrz-root")).toBeNull();
    expect(document.activeElement).toBe(opener);
    expect(other.hasAttribute("inert")).toBe(false);
    expect(other.getAttribute("aria-hidden")).toBe("false");
    expect(isScrollLocked()).toBe(false);
    expect(document.body.getAttribute("style")).toBeNull();
    expect(scrollTo).toHaveBeenCalled();
    // Every document listener added was removed.
    const added = add.mock.calls.map((c) => c[0] + JSON.stringify(c[2] ?? "")).sort();
    const removed = remove.mock.calls.map((c) => c[0] + JSON.stringify(c[2] ?? "")).sort();
    expect(removed).toEqual(added);
    // No more reactions after destroy.
    key(document.body, "Escape");
    expect(h.cancel).not.toHaveBeenCalled();
    v.busy(true);
    v.wrongDigits();
    v.toast("y");
    expect(document.querySelector(".ydrz-root")).toBeNull();
  });

  test("a throwing handler does not break the view", () => {
    vi.spyOn(console, "error").mockImplementation(() => undefined);
    const v = mount(model("standard-popup", { authLevel: "1" }), {
      submit: () => {
        throw new Error("flow bug");
      },
      cancel: () => {
        throw new Error("flow bug");
      },
    });
    tick("#YDRZ_Checkbox_l1");
    expect(() => $("#YDRZ_Submitbtn").click()).not.toThrow();
    expect(() => $("#YDRZ_Closebtn").click()).not.toThrow();
    v.destroy();
  });
});

describe("digit entry", () => {
  test("auto-advance, digits only, backspace goes back", () => {
    const v = mount(model("standard-popup"), spies());
    const c = cells();
    for (const i of c) {
      expect(i.getAttribute("inputmode")).toBe("numeric");
      expect(i.getAttribute("autocomplete")).toBe("off");
    }
    typeInto(c[0], "7");
    expect(document.activeElement).toBe(c[1]);
    typeInto(c[1], "a");
    expect(c[1].value).toBe("");
    expect(document.activeElement).toBe(c[1]);
    typeInto(c[1], "８"); // full-width digit from an IME
    expect(c[1].value).toBe("8");
    expect(document.activeElement).toBe(c[2]);
    key(c[2], "Backspace");
    expect(document.activeElement).toBe(c[1]);
    expect(c[1].value).toBe("");
    expect(v.state().digits).toBe("7");
  });

  test("Android-style backspace in an empty cell (beforeinput) goes back too", () => {
    mount(model("standard-popup"), spies());
    const c = cells();
    typeInto(c[0], "1");
    const e = new InputEvent("beforeinput", {
      inputType: "deleteContentBackward",
      bubbles: true,
      cancelable: true,
    });
    c[1].dispatchEvent(e);
    expect(e.defaultPrevented).toBe(true);
    expect(c[0].value).toBe("");
    expect(document.activeElement).toBe(c[0]);
  });

  test("paste of the group, of the whole number, and IME composition", () => {
    const v = mount(model("standard-popup"), spies());
    const c = cells();
    const paste = (target: HTMLElement, text: string) => {
      const e = new Event("paste", { bubbles: true, cancelable: true }) as ClipboardEvent;
      Object.defineProperty(e, "clipboardData", { value: { getData: () => text } });
      target.dispatchEvent(e);
      return e;
    };
    expect(paste(c[2], "12 34").defaultPrevented).toBe(true);
    expect(v.state().digits).toBe("1234");
    paste(c[0], "13855661234");
    expect(v.state().digits).toBe("5566");
    paste(c[0], "abc");
    expect(v.state().digits).toBe("5566");
    for (const i of c) i.value = "";
    c[0].dispatchEvent(new CompositionEvent("compositionstart", { bubbles: true }));
    c[0].value = "９";
    c[0].dispatchEvent(new InputEvent("input", { data: "９", isComposing: true, bubbles: true }));
    expect(v.state().digits).toBe("");
    c[0].dispatchEvent(new CompositionEvent("compositionend", { data: "９８７６", bubbles: true }));
    expect(v.state().digits).toBe("9876");
  });

  test("while busy, neither a paste nor Backspace changes the digits", () => {
    const v = mount(model("standard-popup"), spies());
    const c = cells();
    typeInto(c[0], "1");
    v.busy(true);
    const e = new Event("paste", { bubbles: true, cancelable: true }) as ClipboardEvent;
    Object.defineProperty(e, "clipboardData", { value: { getData: () => "5678" } });
    c[1].dispatchEvent(e);
    key(c[1], "Backspace");
    expect(v.state().digits).toBe("1");
  });

  test("built-in keypad: opens on click of the number, types, deletes, closes when complete, pads the bottom", () => {
    mount(model("custom-page", { pageOptions: seedPageOptions() }), spies());
    const phone = $("#YDRZ_InputPhone");
    phone.dispatchEvent(new PointerEvent("pointerdown", { bubbles: true, cancelable: true }));
    expect(cells()[0].getAttribute("inputmode")).toBe("none");
    phone.click();
    const board = $("#qs-keyboard-id");
    expect(board.closest(".qs-key-board-wrap")).not.toBeNull();
    const keys = Array.from(board.querySelectorAll("[qs-data-value]")).map((k) =>
      k.getAttribute("qs-data-value"),
    );
    expect(keys).toEqual(["1", "2", "3", "4", "5", "6", "7", "8", "9", "0", "del"]);
    expect(board.querySelectorAll(".qs-key-blank")).toHaveLength(1);
    expect(board.querySelector(".del-icon svg")).not.toBeNull();
    expect($(".ydrz-page").style.paddingBottom).not.toBe("");
    const press = (k: string) =>
      board.querySelector<HTMLElement>(`[qs-data-value="${k}"]`)!.click();
    press("1");
    press("2");
    press("del");
    press("3");
    press("4");
    expect(
      cells()
        .map((c) => c.value)
        .join(""),
    ).toBe("134");
    press("5");
    expect(document.querySelector(".qs-key-board-wrap")).toBeNull();
    expect($(".ydrz-page").style.paddingBottom).toBe("");
    expect(
      cells()
        .map((c) => c.value)
        .join(""),
    ).toBe("1345");
  });

  test("a click elsewhere closes the keypad", () => {
    mount(model("standard-popup"), spies());
    $(".ydrz-auth-phone").click();
    expect(document.querySelector(".qs-key-board-wrap")).not.toBeNull();
    $(".ydrz-title").click();
    expect(document.querySelector(".qs-key-board-wrap")).toBeNull();
  });
});

describe("custom popup", () => {
  test("with mask: auto-submits once digits are complete and ticked; close cancels", () => {
    const h = spies();
    mount(model("custom-popup-mask", { popupOptions: seedPopupOptions(true) }), h);
    expect($("#YDRZLayerTwo").classList.contains("ydrz-extra-css")).toBe(true);
    expect($("#YDRZ_Modal_two").getAttribute("aria-modal")).toBe("true");
    expect(document.querySelector("#YDRZ_Submitbtn_two")).toBeNull();
    tick("#YDRZ_Checkbox_l4_two");
    expect(h.submit).not.toHaveBeenCalled();
    fill("customInput", "4321");
    expect(h.submit).toHaveBeenCalledWith("4321");
    expect(h.submit).toHaveBeenCalledTimes(1);
    $("#YDRZ_Closebtn_two").click();
    expect(h.cancel).toHaveBeenCalledTimes(1);
  });

  test("with mask, authLevel 1: its button submits", () => {
    const h = spies();
    mount(
      model("custom-popup-mask", {
        authLevel: "1",
        popupOptions: { maskStyle: { ifShowMask: true } },
      }),
      h,
    );
    $("#YDRZ_Submitbtn_two").click();
    expect($("#YDRZToast").textContent).toBe("请阅读服务协议");
    tick("#YDRZ_Checkbox_l1_two");
    expect(h.submit).not.toHaveBeenCalled();
    $("#YDRZ_Submitbtn_two").click();
    expect(h.submit).toHaveBeenCalledWith("");
  });

  test("without mask: drawn in the container, not modal, never submits, ready() when complete and ticked", () => {
    const h = spies();
    const container = document.createElement("div");
    container.id = "ydrzCustomControls";
    const outside = document.createElement("p");
    document.body.append(outside, container);
    const v = mount(model("custom-popup", { container, popupOptions: seedPopupOptions(false) }), h);
    expect(container.querySelector("#YDRZLayerTwo")).not.toBeNull();
    expect($("#YDRZLayerTwo").classList.contains("ydrz-extra-css")).toBe(false);
    expect(container.querySelector(".ydrz-layer-mark")).toBeNull();
    expect($("#YDRZ_Modal_two").hasAttribute("aria-modal")).toBe(false);
    expect(outside.hasAttribute("inert")).toBe(false);
    expect(isScrollLocked()).toBe(false);
    fill("customInput", "1234");
    expect(h.ready).not.toHaveBeenCalled();
    expect(v.state()).toEqual({ digits: "1234", complete: true, agreed: false });
    tick("#YDRZ_Checkbox_l4_two");
    expect(h.ready).toHaveBeenCalledTimes(1);
    expect(h.submit).not.toHaveBeenCalled();
    expect(v.state()).toEqual({ digits: "1234", complete: true, agreed: true });
    // untick and tick again: ready again
    tick("#YDRZ_Checkbox_l4_two");
    tick("#YDRZ_Checkbox_l4_two");
    expect(h.ready).toHaveBeenCalledTimes(2);
    // Escape counts only while focus is inside the inline popup.
    key(outside, "Escape");
    expect(h.cancel).not.toHaveBeenCalled();
    key(cells("customInput")[0], "Escape");
    expect(h.cancel).toHaveBeenCalledTimes(1);
    v.destroy();
    expect(container.children).toHaveLength(0);
  });

  test("without a container it floats instead of failing", () => {
    const v = mount(model("custom-popup", { popupOptions: seedPopupOptions(false) }), spies());
    expect($("#YDRZLayerTwo").parentElement).toBe(document.body);
    v.destroy();
  });
});

describe("pages", () => {
  test("return button cancels; submit rules as in the popup", () => {
    const h = spies();
    mount(model("standard-page"), h);
    expect($("#YDRZPage .ydrz-page").getAttribute("role")).toBe("dialog");
    fill("inputVal", "0000");
    $("#YDRZ_Submitbtn").click();
    expect($("#YDRZToast").textContent).toBe("请阅读服务协议");
    tick("#YDRZ_Checkbox_l4");
    $("#YDRZ_Submitbtn").click();
    expect(h.submit).toHaveBeenCalledWith("0000");
    $("#YDRZ_Returnbtn").click();
    expect(h.cancel).toHaveBeenCalledTimes(1);
  });

  test("custom page: Escape = return", () => {
    const h = spies();
    mount(model("custom-page", { pageOptions: seedPageOptions() }), h);
    key(document.body, "Escape");
    expect(h.cancel).toHaveBeenCalledTimes(1);
  });
});
