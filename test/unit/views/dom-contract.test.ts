/** views.md "DOM contract": the original's ids and classes on the equivalent elements, in one place. */
import { afterEach, beforeEach, expect, test, vi } from "vitest";
import { cleanupDom, model, mount, spies } from "./helpers";

beforeEach(() => {
  vi.spyOn(window, "scrollTo").mockImplementation(() => undefined);
});
afterEach(() => {
  cleanupDom();
  vi.restoreAllMocks();
});

const has = (sel: string) => expect(document.querySelector(sel), sel).not.toBeNull();

test("standard popup", () => {
  const v = mount(
    model("standard-popup", {
      pageOption: { customControlsConf: '[{"name":"短信登录","url":"/sms"}]' },
    }),
    spies(),
  );
  for (const sel of [
    "#YDRZLayer.ydrz-layer-mark-wrap > .ydrz-layer-mark",
    "#YDRZLayer.ydrz-layer-mark-wrap > #YDRZ_Modal.ydrz-layer-wrap",
    "#YDRZ_Modal #YDRZ_Closebtn",
    "#YDRZ_Modal .ydrz-title",
    "#YDRZ_Modal .ydrz-auth-phone #inputVal0",
    "#YDRZ_Modal .ydrz-auth-phone #inputVal3",
    "#YDRZ_Modal #YDRZErrorTips",
    "#YDRZ_Modal #YDRZ_Submitbtn.ydrz-submit-btn.ydrz-disabled",
    "#YDRZ_Modal #YDRZ_Checkbox_l4",
    "#YDRZ_Modal .ydrz-defined a",
  ])
    has(sel);
  document.querySelector<HTMLElement>(".ydrz-auth-phone")!.click();
  has(".qs-key-board-wrap > #qs-keyboard-id.qs-key-board [qs-data-value='0']");
  has("#qs-keyboard-id .del-icon");
  v.toast("x");
  has("#YDRZToast.ydrz-toast-wrap");
  v.busy(true);
  has("#YDRZLoad.ydrz-loading-wrap");
});

test("standard popup, authLevel 1", () => {
  mount(model("standard-popup", { authLevel: "1" }), spies());
  has("#YDRZ_Modal .ydrz-maskphone");
  has("#YDRZ_Checkbox_l1");
});

test("custom popup with and without mask", () => {
  const v = mount(
    model("custom-popup-mask", { popupOptions: { maskStyle: { ifShowMask: true } } }),
    spies(),
  );
  for (const sel of [
    "#YDRZLayerTwo.ydrz-layer-mark-two-wrap.ydrz-extra-css > .ydrz-layer-mark",
    "#YDRZLayerTwo > #YDRZ_Modal_two",
    "#YDRZ_Modal_two #YDRZ_Closebtn_two",
    "#YDRZ_Modal_two #YDRZ_InputPhone_two #customInput0",
    "#YDRZ_Modal_two #YDRZ_Agreement #YDRZ_Checkbox_l4_two",
  ])
    has(sel);
  v.destroy();
  const container = document.createElement("div");
  document.body.appendChild(container);
  mount(model("custom-popup", { authLevel: "1", container, popupOptions: {} }), spies());
  has("#YDRZLayerTwo.ydrz-layer-mark-two-wrap:not(.ydrz-extra-css) > #YDRZ_Modal_two");
  has("#YDRZ_Submitbtn_two");
  has("#YDRZ_Checkbox_l1_two");
});

test("pages", () => {
  mount(model("standard-page"), spies());
  for (const sel of [
    "#YDRZPage .ydrz-title",
    "#YDRZPage #YDRZ_Returnbtn",
    "#YDRZPage .ydrz-auth-phone #inputVal0",
    "#YDRZPage #YDRZ_Submitbtn.ydrz-submit-btn",
    "#YDRZPage #YDRZ_Checkbox_l4",
    "#YDRZPage #YDRZErrorTips",
  ])
    has(sel);
});
