/** One test per option field of seed 003 §3.5.3 (custom popup) and §3.6.2 (custom page): it reaches the DOM. */
import { afterEach, beforeEach, describe, expect, test, vi } from "vitest";
import type { CustomPopupOptions, PageOptions } from "../../../src/sdk/types";
import { cleanupDom, model, mount, spies } from "./helpers";

beforeEach(() => {
  vi.spyOn(window, "scrollTo").mockImplementation(() => undefined);
});
afterEach(() => {
  cleanupDom();
  vi.restoreAllMocks();
});

const $ = <T extends HTMLElement = HTMLElement>(sel: string) => document.querySelector<T>(sel)!;
const css = (sel: string, prop: string) => $(sel).style.getPropertyValue(prop);

type Check = [
  field: string,
  options: object,
  assert: () => void,
  extra?: Partial<Parameters<typeof model>[1]>,
];

function popup(options: CustomPopupOptions, extra = {}) {
  mount(
    model("custom-popup-mask", {
      popupOptions: { maskStyle: { ifShowMask: true }, ...options },
      ...extra,
    }),
    spies(),
  );
}
function page(options: PageOptions, extra = {}) {
  mount(model("custom-page", { pageOptions: options, ...extra }), spies());
}

describe("§3.5.3 custom popup", () => {
  const checks: Check[] = [
    [
      "layerStyle.width",
      { layerStyle: { width: "300px" } },
      () => expect(css("#YDRZ_Modal_two", "width")).toBe("300px"),
    ],
    [
      "layerStyle.height",
      { layerStyle: { height: "20rem" } },
      () => expect(css("#YDRZ_Modal_two", "min-height")).toBe("240px"),
    ],
    [
      "layerStyle.bgColor",
      { layerStyle: { bgColor: "#236" } },
      () => expect(css("#YDRZ_Modal_two", "background-color")).toBe("rgb(34, 51, 102)"),
    ],
    [
      "layerStyle.borderRadius",
      { layerStyle: { borderRadius: "23px" } },
      () => expect(css("#YDRZ_Modal_two", "border-radius")).toBe("23px"),
    ],
    [
      "maskStyle.ifShowMask",
      { maskStyle: { ifShowMask: "ture" } },
      () => expect($("#YDRZLayerTwo").classList.contains("ydrz-extra-css")).toBe(true),
    ],
    [
      "maskStyle.bgColor",
      { maskStyle: { ifShowMask: true, bgColor: "#FF0000" } },
      () => expect(css(".ydrz-layer-mark", "background-color")).toBe("rgb(255, 0, 0)"),
    ],
    [
      "maskStyle.opacity",
      { maskStyle: { ifShowMask: true, opacity: "0.3" } },
      () => expect(css(".ydrz-layer-mark", "opacity")).toBe("0.3"),
    ],
    [
      "phoneStyle.fontSize",
      { phoneStyle: { fontSize: "30px" } },
      () => expect(css("#YDRZ_InputPhone_two", "font-size")).toBe("30px"),
    ],
    [
      "phoneStyle.fontColor",
      { phoneStyle: { fontColor: "#F829FF" } },
      () => expect(css("#YDRZ_InputPhone_two", "color")).toBe("rgb(248, 41, 255)"),
    ],
    [
      "phoneStyle.high",
      { phoneStyle: { high: "50px" } },
      () => {
        expect(css("#YDRZ_InputPhone_two", "top")).toBe("50px");
        expect($("#YDRZ_InputPhone_two").classList.contains("ydrz-placed")).toBe(true);
      },
    ],
    [
      "phoneStyle.left",
      { phoneStyle: { left: "20px" } },
      () => expect(css("#YDRZ_InputPhone_two", "margin-left")).toBe("20px"),
    ],
    [
      "agreeStyle.fontSize",
      { agreeStyle: { fontSize: "14px" } },
      () => expect(css("#YDRZ_Agreement", "font-size")).toBe("14px"),
    ],
    [
      "agreeStyle.textAlign",
      { agreeStyle: { textAlign: "center" } },
      () => {
        expect(css("#YDRZ_Agreement", "text-align")).toBe("center");
        expect($("#YDRZ_Agreement").classList.contains("ydrz-align-center")).toBe(true);
      },
    ],
    [
      "agreeStyle.textalign (seed spelling)",
      { agreeStyle: { textalign: "right" } },
      () => expect(css("#YDRZ_Agreement", "text-align")).toBe("right"),
    ],
    [
      "agreeStyle.fontColor",
      { agreeStyle: { fontColor: "#123456" } },
      () => expect(css("#YDRZ_Agreement", "color")).toBe("rgb(18, 52, 86)"),
    ],
    [
      "agreeStyle.hrefColor",
      { agreeStyle: { hrefColor: "#00FF00" } },
      () => {
        for (const a of Array.from(
          document.querySelectorAll<HTMLElement>("#YDRZ_Agreement .ydrz-agree-link"),
        ))
          expect(a.style.color).toBe("rgb(0, 255, 0)");
      },
    ],
    [
      "agreeStyle.high",
      { agreeStyle: { high: "150px" } },
      () => expect(css("#YDRZ_Agreement", "top")).toBe("150px"),
    ],
    [
      "agreeStyle.left",
      { agreeStyle: { high: "150px", left: "10%" } },
      () => expect(css("#YDRZ_Agreement", "left")).toBe("10%"),
    ],
    [
      "agreeStyle.agreeArr",
      { agreeStyle: { agreeArr: [{ name: "《服务协议》", url: "https://example.com/a" }] } },
      () => {
        const links = Array.from(document.querySelectorAll<HTMLAnchorElement>("#YDRZ_Agreement a"));
        expect(links.map((a) => a.textContent)).toEqual([
          "《中国移动认证服务协议》",
          "《服务协议》",
        ]);
        expect(links[1].getAttribute("href")).toBe("https://example.com/a");
        expect(links[1].rel).toBe("noopener noreferrer");
      },
    ],
    [
      "closeBtnStyle.ifShowBtn",
      { closeBtnStyle: { ifShowBtn: false } },
      () => expect(document.querySelector("#YDRZ_Closebtn_two")).toBeNull(),
    ],
    [
      "closeBtnStyle.btnImage",
      { closeBtnStyle: { btnImage: "https://example.com/close.png" } },
      () =>
        expect($("#YDRZ_Closebtn_two img").getAttribute("src")).toBe(
          "https://example.com/close.png",
        ),
    ],
    [
      "closeBtnStyle.top",
      { closeBtnStyle: { top: "5px" } },
      () => expect(css("#YDRZ_Closebtn_two", "top")).toBe("5px"),
    ],
    [
      "closeBtnStyle.right",
      { closeBtnStyle: { right: "6px" } },
      () => expect(css("#YDRZ_Closebtn_two", "right")).toBe("6px"),
    ],
    [
      "closeBtnStyle.width",
      { closeBtnStyle: { width: "20px" } },
      () => expect(css("#YDRZ_Closebtn_two", "width")).toBe("20px"),
    ],
    [
      "closeBtnStyle.height",
      { closeBtnStyle: { height: "22px" } },
      () => expect(css("#YDRZ_Closebtn_two", "height")).toBe("22px"),
    ],
    [
      "customControlStyle.ifShow",
      { customControlStyle: { ifShow: true, name: "其他登录方式" } },
      () => expect($(".ydrz-custom-control").textContent).toBe("其他登录方式"),
    ],
    [
      "customControlStyle.ifShow default false",
      { customControlStyle: { name: "x" } },
      () => expect(document.querySelector(".ydrz-custom-control")).toBeNull(),
    ],
    ...customControlChecks(),
    [
      "submitBtnStyle.name",
      { submitBtnStyle: { name: "同意并登录" } },
      () => expect($("#YDRZ_Submitbtn_two").textContent).toBe("同意并登录"),
      { authLevel: "1" },
    ],
    [
      "submitBtnStyle.fontColor",
      { submitBtnStyle: { fontColor: "#000" } },
      () => expect(css("#YDRZ_Submitbtn_two", "color")).toBe("rgb(0, 0, 0)"),
      { authLevel: "1" },
    ],
    [
      "submitBtnStyle.fontSize",
      { submitBtnStyle: { fontSize: "18px" } },
      () => expect(css("#YDRZ_Submitbtn_two", "font-size")).toBe("18px"),
      { authLevel: "1" },
    ],
    [
      "submitBtnStyle.textAlign",
      { submitBtnStyle: { textAlign: "left" } },
      () => expect(css("#YDRZ_Submitbtn_two", "text-align")).toBe("left"),
      { authLevel: "1" },
    ],
    [
      "submitBtnStyle.bgColor",
      { submitBtnStyle: { bgColor: "#FF6A00" } },
      () => expect(css("#YDRZ_Submitbtn_two", "background-color")).toBe("rgb(255, 106, 0)"),
      { authLevel: "1" },
    ],
    [
      "submitBtnStyle.width",
      { submitBtnStyle: { width: "200px" } },
      () => expect(css("#YDRZ_Submitbtn_two", "width")).toBe("200px"),
      { authLevel: "1" },
    ],
    [
      "submitBtnStyle.height",
      { submitBtnStyle: { height: "48px" } },
      () => expect(css("#YDRZ_Submitbtn_two", "height")).toBe("48px"),
      { authLevel: "1" },
    ],
    [
      "submitBtnStyle.borderRadius",
      { submitBtnStyle: { borderRadius: "4px" } },
      () => expect(css("#YDRZ_Submitbtn_two", "border-radius")).toBe("4px"),
      { authLevel: "1" },
    ],
    [
      "submitBtnStyle.high",
      { submitBtnStyle: { high: "180px" } },
      () => expect(css("#YDRZ_Submitbtn_two", "top")).toBe("180px"),
      { authLevel: "1" },
    ],
    [
      "submitBtnStyle.left",
      { submitBtnStyle: { high: "180px", left: "12px" } },
      () => expect(css("#YDRZ_Submitbtn_two", "left")).toBe("12px"),
      { authLevel: "1" },
    ],
  ];
  for (const [field, options, check, extra] of checks) {
    test(field, () => {
      popup(options, extra);
      check();
    });
  }

  test("defaults: 80% wide, 240px high, white, radius 8px; mask #000 at 0.6; phone 22px; close shown", () => {
    popup({});
    expect(css("#YDRZ_Modal_two", "width")).toBe("80%");
    expect(css("#YDRZ_Modal_two", "min-height")).toBe("240px");
    expect(css("#YDRZ_Modal_two", "background-color")).toBe("rgb(255, 255, 255)");
    expect(css("#YDRZ_Modal_two", "border-radius")).toBe("8px");
    expect(css(".ydrz-layer-mark", "background-color")).toBe("rgb(0, 0, 0)");
    expect(css(".ydrz-layer-mark", "opacity")).toBe("0.6");
    expect(css("#YDRZ_InputPhone_two", "font-size")).toBe("22px");
    expect(document.querySelector("#YDRZ_Closebtn_two")).not.toBeNull();
  });

  test("invalid values fall back to the defaults with a warning", () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => undefined);
    popup({
      layerStyle: { width: "wide", bgColor: "#12345" },
      maskStyle: { ifShowMask: true, opacity: "7" },
    });
    expect(css("#YDRZ_Modal_two", "width")).toBe("80%");
    expect(css("#YDRZ_Modal_two", "background-color")).toBe("rgb(255, 255, 255)");
    expect(css(".ydrz-layer-mark", "opacity")).toBe("0.6");
    expect(warn).toHaveBeenCalledTimes(3);
  });
});

function customControlChecks(): Check[] {
  const cc = (o: object) => ({ customControlStyle: { ifShow: true, name: "其他登录方式", ...o } });
  const sel = ".ydrz-custom-control";
  return [
    [
      "customControlStyle.width",
      cc({ width: "120px" }),
      () => expect(css(sel, "width")).toBe("120px"),
    ],
    [
      "customControlStyle.height",
      cc({ height: "24px" }),
      () => expect(css(sel, "height")).toBe("24px"),
    ],
    ["customControlStyle.high", cc({ high: "200px" }), () => expect(css(sel, "top")).toBe("200px")],
    [
      "customControlStyle.left",
      cc({ high: "200px", left: "30px" }),
      () => expect(css(sel, "left")).toBe("30px"),
    ],
    [
      "customControlStyle.left center",
      cc({ high: "200px", left: "center" }),
      () => expect($(sel).classList.contains("ydrz-center-x")).toBe(true),
    ],
    [
      "customControlStyle.bgColor",
      cc({ bgColor: "#fff" }),
      () => expect(css(sel, "background-color")).toBe("rgb(255, 255, 255)"),
    ],
    [
      "customControlStyle.border",
      cc({ border: "1px solid #FFFFFF" }),
      () => expect(css(sel, "border")).toBe("1px solid rgb(255, 255, 255)"),
    ],
    [
      "customControlStyle.borderRadius",
      cc({ borderRadius: "12px" }),
      () => expect(css(sel, "border-radius")).toBe("12px"),
    ],
    [
      "customControlStyle.url",
      cc({ url: "https://example.com/sms" }),
      () => expect($(sel).getAttribute("href")).toBe("https://example.com/sms"),
    ],
    [
      "customControlStyle.name",
      cc({ name: "短信登录" }),
      () => expect($(sel).textContent).toBe("短信登录"),
    ],
    [
      "customControlStyle.fontSize",
      cc({ fontSize: "16px" }),
      () => expect(css(sel, "font-size")).toBe("16px"),
    ],
    [
      "customControlStyle.fontColor",
      cc({ fontColor: "#392211" }),
      () => expect(css(sel, "color")).toBe("rgb(57, 34, 17)"),
    ],
    [
      "customControlStyle.textAlign",
      cc({ textAlign: "center" }),
      () => expect(css(sel, "text-align")).toBe("center"),
    ],
    [
      "customControlStyle.textDecoration",
      cc({ textDecoration: "underline" }),
      () => expect(css(sel, "text-decoration")).toContain("underline"),
    ],
    [
      "customControlStyle.fontFamily",
      cc({ fontFamily: "Arial" }),
      () => expect(css(sel, "font-family")).toMatch(/^Arial,/),
    ],
  ];
}

describe("custom control onClick", () => {
  test("runs before navigation; preventDefault keeps the page", () => {
    const onClick = vi.fn((e: MouseEvent) => e.preventDefault());
    popup({ customControlStyle: { ifShow: true, url: "https://example.com/sms", onClick } });
    const event = new MouseEvent("click", { bubbles: true, cancelable: true });
    $(".ydrz-custom-control").dispatchEvent(event);
    expect(onClick).toHaveBeenCalledTimes(1);
    expect(event.defaultPrevented).toBe(true);
  });
  test("without a valid url it is a button; a throwing onClick is contained", () => {
    vi.spyOn(console, "error").mockImplementation(() => undefined);
    popup({
      customControlStyle: {
        ifShow: true,
        url: "javascript:alert(1)",
        onClick: () => {
          throw new Error("x");
        },
      },
    });
    expect($(".ydrz-custom-control").tagName).toBe("BUTTON");
    expect(() => $(".ydrz-custom-control").click()).not.toThrow();
  });
});

describe("§3.6.2 custom page", () => {
  const checks: Check[] = [
    [
      "bgColor",
      { bgColor: "#F5F5F5" },
      () => expect(css("#YDRZPage", "background-color")).toBe("rgb(245, 245, 245)"),
    ],
    [
      "titleStyle.name",
      { titleStyle: { name: "欢迎登录" } },
      () => expect($(".ydrz-page-title").textContent).toBe("欢迎登录"),
    ],
    [
      "titleStyle.name empty: no title",
      { titleStyle: { name: "" } },
      () => {
        expect(document.querySelector(".ydrz-page-title")).toBeNull();
        expect($(".ydrz-page").getAttribute("aria-label")).toBe("本机号码登录");
      },
    ],
    [
      "titleStyle.fontFamily",
      { titleStyle: { fontFamily: "Arial" } },
      () => expect(css(".ydrz-page-title", "font-family")).toMatch(/^Arial,/),
    ],
    [
      "titleStyle.fontSize",
      { titleStyle: { fontSize: "1.5rem" } },
      () => expect(css(".ydrz-page-title", "font-size")).toBe("18px"),
    ],
    [
      "titleStyle.fontColor",
      { titleStyle: { fontColor: "#111" } },
      () => expect(css(".ydrz-page-title", "color")).toBe("rgb(17, 17, 17)"),
    ],
    [
      "titleStyle.high",
      { titleStyle: { high: "2rem" } },
      () => expect(css(".ydrz-page-title", "top")).toBe("24px"),
    ],
    [
      "titleStyle.left",
      { titleStyle: { left: "40px" } },
      () => expect(css(".ydrz-page-title", "left")).toBe("40px"),
    ],
    [
      "titleStyle.width",
      { titleStyle: { width: "50%" } },
      () => expect(css(".ydrz-page-title", "width")).toBe("50%"),
    ],
    [
      "titleStyle.height",
      { titleStyle: { height: "30px" } },
      () => expect(css(".ydrz-page-title", "height")).toBe("30px"),
    ],
    [
      "titleStyle.textAlign",
      { titleStyle: { textAlign: "left" } },
      () => expect(css(".ydrz-page-title", "text-align")).toBe("left"),
    ],
    [
      "logoStyle.url",
      { logoStyle: { url: "https://example.com/logo.png" } },
      () => expect($("img.ydrz-logo").getAttribute("src")).toBe("https://example.com/logo.png"),
    ],
    [
      "logoStyle.url absent: inline logo, no request",
      {},
      () => expect($(".ydrz-logo-default svg")).not.toBeNull(),
    ],
    [
      "logoStyle.width/height",
      { logoStyle: { width: "6.96rem", height: "7.32rem" } },
      () => {
        expect(css(".ydrz-logo", "width")).toBe("83.52px");
        expect(css(".ydrz-logo", "height")).toBe("87.84px");
      },
    ],
    [
      "logoStyle.high",
      { logoStyle: { high: "7.9rem" } },
      () => expect(css(".ydrz-logo", "top")).toBe("94.8px"),
    ],
    [
      "logoStyle.left",
      { logoStyle: { left: "20px" } },
      () => expect(css(".ydrz-logo", "left")).toBe("20px"),
    ],
    [
      "authTextStyle.fontFamily",
      { authTextStyle: { fontFamily: "Arial" } },
      () => expect(css(".ydrz-auth-text", "font-family")).toMatch(/^Arial,/),
    ],
    [
      "authTextStyle.fontSize",
      { authTextStyle: { fontSize: "1.08rem" } },
      () => expect(css(".ydrz-auth-text", "font-size")).toBe("12.96px"),
    ],
    [
      "authTextStyle.fontColor",
      { authTextStyle: { fontColor: "#222" } },
      () => expect(css(".ydrz-auth-text", "color")).toBe("rgb(34, 34, 34)"),
    ],
    [
      "authTextStyle.appNameColor",
      { authTextStyle: { appNameColor: "#FF0000" } },
      () => {
        expect(css(".ydrz-auth-text .ydrz-app-name", "color")).toBe("rgb(255, 0, 0)");
        expect($(".ydrz-auth-text .ydrz-app-name").textContent).toBe("示例应用");
      },
    ],
    [
      "authTextStyle.high",
      { authTextStyle: { high: "22.75rem" } },
      () => expect(css(".ydrz-auth-text", "top")).toBe("273px"),
    ],
    [
      "authTextStyle.left",
      { authTextStyle: { left: "8px" } },
      () => expect(css(".ydrz-auth-text", "left")).toBe("8px"),
    ],
    [
      "authTextStyle.width/textAlign/fontWeight",
      { authTextStyle: { width: "90%", textAlign: "left", fontWeight: "500" } },
      () => {
        expect(css(".ydrz-auth-text", "width")).toBe("90%");
        expect(css(".ydrz-auth-text", "text-align")).toBe("left");
        expect(css(".ydrz-auth-text", "font-weight")).toBe("500");
      },
    ],
    [
      "phoneNumStyle.fontFamily",
      { phoneNumStyle: { fontFamily: "Arial" } },
      () => expect(css("#YDRZ_InputPhone", "font-family")).toMatch(/^Arial,/),
    ],
    [
      "phoneNumStyle.fontSize",
      { phoneNumStyle: { fontSize: "2.08rem" } },
      () => expect(css("#YDRZ_InputPhone", "font-size")).toBe("24.96px"),
    ],
    [
      "phoneNumStyle.fontColor",
      { phoneNumStyle: { fontColor: "#444444" } },
      () => expect(css("#YDRZ_InputPhone", "color")).toBe("rgb(68, 68, 68)"),
    ],
    [
      "phoneNumStyle.bgColor",
      { phoneNumStyle: { bgColor: "#EEEEEE" } },
      () => expect(css("#YDRZ_InputPhone", "background-color")).toBe("rgb(238, 238, 238)"),
    ],
    [
      "phoneNumStyle.high",
      { phoneNumStyle: { high: "19.58rem" } },
      () => expect(css("#YDRZ_InputPhone", "top")).toBe("234.96px"),
    ],
    [
      "phoneNumStyle.left",
      { phoneNumStyle: { left: "16px" } },
      () => expect(css("#YDRZ_InputPhone", "left")).toBe("16px"),
    ],
    [
      "phoneNumStyle.width",
      { phoneNumStyle: { width: "15.42rem" } },
      () => expect(css("#YDRZ_InputPhone", "width")).toBe("185.04px"),
    ],
    [
      "phoneNumStyle.fontWeight",
      { phoneNumStyle: { fontWeight: "600" } },
      () => expect(css("#YDRZ_InputPhone", "font-weight")).toBe("600"),
    ],
    [
      "phoneNumStyle.inputStyle.width/height",
      { phoneNumStyle: { inputStyle: { width: "30px", height: "3rem" } } },
      () => {
        for (const i of Array.from(
          document.querySelectorAll<HTMLElement>("#YDRZ_InputPhone input"),
        )) {
          expect(i.style.width).toBe("30px");
          expect(i.style.height).toBe("36px");
        }
      },
    ],
    [
      "tipStyle.fontFamily",
      { tipStyle: { fontFamily: "Arial" } },
      () => expect(css(".ydrz-tip", "font-family")).toMatch(/^Arial,/),
    ],
    [
      "tipStyle.fontSize",
      { tipStyle: { fontSize: "0.92rem" } },
      () => expect(css(".ydrz-tip", "font-size")).toBe("11.04px"),
    ],
    [
      "tipStyle.fontColor",
      { tipStyle: { fontColor: "#999999" } },
      () => expect(css(".ydrz-tip", "color")).toBe("rgb(153, 153, 153)"),
    ],
    [
      "tipStyle.high",
      { tipStyle: { high: "27rem" } },
      () => expect(css(".ydrz-tip", "top")).toBe("324px"),
    ],
    [
      "tipStyle.left",
      { tipStyle: { left: "10px" } },
      () => expect(css(".ydrz-tip", "left")).toBe("10px"),
    ],
    [
      "tipStyle.text",
      { tipStyle: { text: "由中国移动提供认证服务" } },
      () => expect($(".ydrz-tip").textContent).toBe("由中国移动提供认证服务"),
    ],
    [
      "tip by carrier",
      {},
      () => expect($(".ydrz-tip").textContent).toBe("认证服务由中国电信提供"),
      { carrier: "CT" },
    ],
    [
      "agreeStyle.fontFamily",
      { agreeStyle: { fontFamily: "Arial" } },
      () => expect(css(".ydrz-page-agreement", "font-family")).toMatch(/^Arial,/),
    ],
    [
      "agreeStyle.fontSize",
      { agreeStyle: { fontSize: "1rem" } },
      () => expect(css(".ydrz-page-agreement", "font-size")).toBe("12px"),
    ],
    [
      "agreeStyle.fontColor",
      { agreeStyle: { fontColor: "#999" } },
      () => expect(css(".ydrz-page-agreement", "color")).toBe("rgb(153, 153, 153)"),
    ],
    [
      "agreeStyle.high",
      { agreeStyle: { high: "30.58rem" } },
      () => expect(css(".ydrz-page-agreement", "top")).toBe("366.96px"),
    ],
    [
      "agreeStyle.left",
      { agreeStyle: { left: "24px" } },
      () => expect(css(".ydrz-page-agreement", "left")).toBe("24px"),
    ],
    [
      "agreeStyle.checkedButton.width/height",
      { agreeStyle: { checkedButton: { width: "20px", height: "1.5rem" } } },
      () => {
        expect(css(".ydrz-page-agreement .ydrz-check-box", "width")).toBe("20px");
        expect(css(".ydrz-page-agreement .ydrz-check-box", "height")).toBe("18px");
      },
    ],
    [
      "agreeStyle.checkedButton.uncheckColor/checkedColor",
      { agreeStyle: { checkedButton: { uncheckColor: "#cccccc", checkedColor: "#1E82EB" } } },
      () => {
        expect(css(".ydrz-check-box", "--ydrz-check-off")).toBe("#cccccc");
        expect(css(".ydrz-check-box", "--ydrz-check-on")).toBe("#1E82EB");
      },
    ],
    [
      "agreeStyle.checkedButton.url (ticked image)",
      { agreeStyle: { checkedButton: { url: "https://example.com/on.png" } } },
      () => expect($(".ydrz-check-img-on").getAttribute("src")).toBe("https://example.com/on.png"),
    ],
    [
      "agreeStyle.checkedButton.uncheckUrl/checkedUrl",
      { agreeStyle: { checkedButton: { uncheckUrl: "/off.png", checkedUrl: "/on.png" } } },
      () => {
        expect($(".ydrz-check-img-off").getAttribute("src")).toBe("/off.png");
        expect($(".ydrz-check-img-on").getAttribute("src")).toBe("/on.png");
      },
    ],
    [
      "agreeStyle.hrefStyle.fontColor/fontSize/fontFamily",
      {
        agreeStyle: { hrefStyle: { fontColor: "#1E82EB", fontSize: "13px", fontFamily: "Arial" } },
      },
      () => {
        const a = $(".ydrz-page-agreement .ydrz-agree-link");
        expect(a.style.color).toBe("rgb(30, 130, 235)");
        expect(a.style.fontSize).toBe("13px");
        expect(a.style.fontFamily).toMatch(/^Arial/);
      },
    ],
    [
      "agreeStyle.hrefStyle.agreeArr",
      { agreeStyle: { hrefStyle: { agreeArr: [{ name: "《用户协议》", url: "/terms" }] } } },
      () =>
        expect(
          Array.from(document.querySelectorAll(".ydrz-page-agreement a")).map((a) =>
            a.getAttribute("href"),
          ),
        ).toEqual([
          "https://wap.cmpassport.com/resources/html/contract.html",
          "https://example.com/privacy",
          "/terms",
        ]),
      { privacyLinks: [{ name: "《隐私》", url: "https://example.com/privacy" }] },
    ],
    [
      "returnBtnStyle.width/height",
      { returnBtnStyle: { width: "0.65rem", height: "1.1rem" } },
      () => {
        expect(css("#YDRZ_Returnbtn", "width")).toBe("7.8px");
        expect(css("#YDRZ_Returnbtn", "height")).toBe("13.2px");
      },
    ],
    [
      "returnBtnStyle.url",
      { returnBtnStyle: { url: "https://example.com/back.png" } },
      () =>
        expect($("#YDRZ_Returnbtn img").getAttribute("src")).toBe("https://example.com/back.png"),
    ],
    [
      "returnBtnStyle.high/left",
      { returnBtnStyle: { high: "2rem", left: "1rem" } },
      () => {
        expect(css("#YDRZ_Returnbtn", "top")).toBe("24px");
        expect(css("#YDRZ_Returnbtn", "left")).toBe("12px");
      },
    ],
    ...customControlChecks(),
    [
      "submitBtnStyle.name",
      { submitBtnStyle: { name: "一键登录" } },
      () => expect($("#YDRZ_Submitbtn").textContent).toBe("一键登录"),
    ],
    [
      "submitBtnStyle.fontSize",
      { submitBtnStyle: { fontSize: "18px" } },
      () => expect(css("#YDRZ_Submitbtn", "font-size")).toBe("18px"),
    ],
    [
      "submitBtnStyle.fontColor",
      { submitBtnStyle: { fontColor: "#000000" } },
      () => expect(css("#YDRZ_Submitbtn", "color")).toBe("rgb(0, 0, 0)"),
    ],
    [
      "submitBtnStyle.fontFamily",
      { submitBtnStyle: { fontFamily: "Arial" } },
      () => expect(css("#YDRZ_Submitbtn", "font-family")).toMatch(/^Arial,/),
    ],
    [
      "submitBtnStyle.bgColor",
      { submitBtnStyle: { bgColor: "#FF6A00" } },
      () => expect(css("#YDRZ_Submitbtn", "background-color")).toBe("rgb(255, 106, 0)"),
    ],
    [
      "submitBtnStyle.high",
      { submitBtnStyle: { high: "400px" } },
      () => {
        expect(css("#YDRZ_Submitbtn", "top")).toBe("400px");
        expect($("#YDRZ_Submitbtn").classList.contains("ydrz-page-submit-default")).toBe(false);
      },
    ],
    [
      "submitBtnStyle.left",
      { submitBtnStyle: { high: "400px", left: "20px" } },
      () => expect(css("#YDRZ_Submitbtn", "left")).toBe("20px"),
    ],
    [
      "submitBtnStyle.textAlign",
      { submitBtnStyle: { textAlign: "right" } },
      () => expect(css("#YDRZ_Submitbtn", "text-align")).toBe("right"),
    ],
    [
      "submitBtnStyle.borderRadius",
      { submitBtnStyle: { borderRadius: "4px" } },
      () => expect(css("#YDRZ_Submitbtn", "border-radius")).toBe("4px"),
    ],
    [
      "submitBtnStyle.width",
      { submitBtnStyle: { width: "300px" } },
      () => expect(css("#YDRZ_Submitbtn", "width")).toBe("300px"),
    ],
    [
      "submitBtnStyle.height",
      { submitBtnStyle: { height: "50px" } },
      () => expect(css("#YDRZ_Submitbtn", "height")).toBe("50px"),
    ],
  ];
  for (const [field, options, check, extra] of checks) {
    test(field, () => {
      page(options, extra);
      check();
    });
  }

  test("standard page ignores pageOptions and uses the seed's look", () => {
    mount(
      model("standard-page", { pageOptions: { bgColor: "#000000", titleStyle: { name: "X" } } }),
      spies(),
    );
    expect(css("#YDRZPage", "background-color")).toBe("rgb(255, 255, 255)");
    expect($(".ydrz-page-title").textContent).toBe("本机号码登录");
    expect(css(".ydrz-page-title", "top")).toBe("12px");
    expect(css("#YDRZ_InputPhone", "top")).toBe("234.96px");
  });
});

describe("standard popup: getPageOption fields", () => {
  test.each([
    ["pageTitle", { pageTitle: "欢迎" }, () => expect($(".ydrz-title").textContent).toBe("欢迎")],
    [
      "agreeButtonText",
      { agreeButtonText: "登录" },
      () => expect($("#YDRZ_Submitbtn").textContent).toBe("登录"),
    ],
    [
      "agreeButtonColour",
      { agreeButtonColour: "#FF0000" },
      () => expect(css("#YDRZ_Submitbtn", "background-color")).toBe("rgb(255, 0, 0)"),
    ],
    [
      "agreeTextColour",
      { agreeTextColour: "#00FF00" },
      () => expect(css(".ydrz-agree-link", "color")).toBe("rgb(0, 255, 0)"),
    ],
    [
      "configBusinessName",
      { configBusinessName: "商城" },
      () => expect($(".ydrz-app-name").textContent).toBe("商城"),
    ],
    [
      "agreeCheckPic",
      { agreeCheckPic: "https://example.com/c.png" },
      () => expect($(".ydrz-check-img-on").getAttribute("src")).toBe("https://example.com/c.png"),
    ],
    [
      "customControlsConf",
      { customControlsConf: '[{"name":"短信登录","url":"/sms","fontColor":"#333"}]' },
      () => {
        const a = $(".ydrz-defined a");
        expect(a.textContent).toBe("短信登录");
        expect(a.getAttribute("href")).toBe("/sms");
        expect(a.style.color).toBe("rgb(51, 51, 51)");
      },
    ],
  ] as const)("%s", (_f, pageOption, check) => {
    mount(model("standard-popup", { pageOption }), spies());
    check();
  });

  test("defaults when the gateway call failed", () => {
    mount(model("standard-popup"), spies());
    expect($(".ydrz-title").textContent).toBe("本机号码登录");
    expect($("#YDRZ_Submitbtn").textContent).toBe("本机号码登录");
    expect($(".ydrz-app-name").textContent).toBe("示例应用");
    expect(document.querySelector(".ydrz-defined")).toBeNull();
  });
});

describe("carrier agreement links", () => {
  test.each([
    ["CM", "《中国移动认证服务协议》", "https://wap.cmpassport.com/resources/html/contract.html"],
    ["CT", "《中国电信天翼账号服务条款》", "https://e.189.cn/sdk/agreement/detail.do?hidetop=true"],
    [
      "CU",
      "《中国联通认证服务协议》",
      "https://opencloud.wostore.cn/authz/resource/html/disclaimer.html?fromsdk=true",
    ],
  ] as const)("%s", (carrier, name, url) => {
    mount(model("standard-popup", { carrier }), spies());
    const a = $<HTMLAnchorElement>(".ydrz-agree-link");
    expect(a.textContent).toBe(name);
    expect(a.getAttribute("href")).toBe(url);
    expect($(".ydrz-agree-text").textContent).toBe(
      `请补充完整号码同意${name}并授权示例应用使用此号码`,
    );
  });
});
