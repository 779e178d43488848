/** Shared fixtures of the view tests: models, handler spies, the seed's own option objects. */
import { vi } from "vitest";
import type { MountedView, ViewHandlers, ViewKind, ViewModel } from "../../../src/views/contract";
import { mountView } from "../../../src/views";

const mounted: MountedView[] = [];

/** mountView, remembered so that cleanupDom destroys it (scroll lock and listeners are global). */
export function mount(m: ViewModel, h: ViewHandlers): MountedView {
  // jsdom has no layout and no scrollIntoView (the keypad scrolls the number clear with it).
  if (typeof Element.prototype.scrollIntoView !== "function") {
    Element.prototype.scrollIntoView = () => undefined;
  }
  const v = mountView(m, h);
  mounted.push(v);
  return v;
}
import type { CustomPopupOptions, PageOptions } from "../../../src/sdk/types";

export function model(kind: ViewKind, extra: Partial<ViewModel> = {}): ViewModel {
  return {
    kind,
    carrier: "CM",
    maskPhone: "138****1234",
    authLevel: "4",
    appName: "示例应用",
    privacyLinks: [],
    ...extra,
  };
}

export function spies() {
  return {
    submit: vi.fn<(digits: string) => void>(),
    cancel: vi.fn<() => void>(),
    ready: vi.fn<() => void>(),
  } satisfies ViewHandlers;
}

/** Seed 003 §3.5.2 (with mask); §3.5.1 is the same without `maskStyle`. */
export function seedPopupOptions(withMask: boolean): CustomPopupOptions {
  return {
    layerStyle: { width: "", height: "240px", bgColor: "#236", borderRadius: "23px" },
    ...(withMask ? { maskStyle: { ifShowMask: true, bgColor: "", opacity: "" } } : {}),
    phoneStyle: { fontSize: "", fontColor: "#F829FF", high: "", left: "20px" },
    agreeStyle: {
      fontSize: "",
      textalign: "",
      fontColor: "",
      hrefColor: "",
      high: "",
      left: "",
      agreeArr: [{ name: "《中国移动服务协议》", url: "协议链接" }],
    },
    closeBtnStyle: { ifShowBtn: true, btnImage: "", top: "", right: "", width: "", height: "" },
    customControlStyle: {
      ifShow: true,
      width: "",
      height: "24px",
      high: "center",
      left: "center",
      bgColor: "#fff",
      border: "0",
      borderRadius: "",
      url: "控件链接",
      name: "其他登录方式",
      fontSize: "16px",
      fontColor: "#392211",
      textAlign: "center",
      textDecoration: "",
    },
  };
}

/** Seed 003 §3.6.1, verbatim. */
export function seedPageOptions(): PageOptions {
  return {
    bgColor: "#FFFFFF",
    titleStyle: {
      name: "本机号码登录",
      fontFamily: "PingFangSC-Medium, PingFangSC",
      fontSize: "1.33rem",
      fontColor: "#444444",
      width: "70%",
      height: "1.83rem",
      left: "center",
      high: "1rem",
      textAlign: "center",
    },
    logoStyle: {
      url: "https://www.cmpassport.com/h5/js/jssdk_auth/image/logo.png",
      width: "6.96rem",
      height: "7.32rem",
      high: "7.9rem",
      left: "center",
    },
    authTextStyle: {
      fontFamily: "PingFangSC-Medium, PingFangSC",
      fontSize: "1.08rem",
      fontColor: "#444444",
      appNameColor: "#444444",
      width: "100%",
      textAlign: "center",
      high: "22.75rem",
      left: "center",
      fontWeight: "500",
    },
    phoneNumStyle: {
      fontFamily: "PingFangSC-Semibold, PingFangSC",
      fontSize: "2.08rem",
      fontColor: "#444444",
      bgColor: "#FFFFFF",
      fontWeight: "600",
      width: "15.42rem",
      left: "center",
      high: "19.58rem",
      inputStyle: { width: "1.83rem", height: "2.17rem" },
    },
    agreeStyle: {
      fontFamily: "PingFangSC-Regular, PingFangSC",
      fontSize: "1rem",
      fontColor: "#999999",
      high: "30.58rem",
      left: "center",
      checkedButton: {
        width: "1.33rem",
        height: "1.33rem",
        uncheckColor: "#cccccc",
        checkedColor: "#1E82EB",
        uncheckUrl: "",
        checkedUrl: "",
      },
      hrefStyle: { fontColor: "#1E82EB", agreeArr: [] },
    },
    tipStyle: {
      fontFamily: "PingFangSC-Regular, PingFangSC",
      fontSize: "0.92rem",
      fontColor: "#999999",
      high: "27rem",
      left: "center",
    },
    returnBtnStyle: {
      width: "0.65rem",
      height: "1.1rem",
      left: "1rem",
      high: "1rem",
      url: "https://www.cmpassport.com/h5/js/jssdk_auth/image/returnIcon.png",
    },
    customControlStyle: {
      ifShow: "ture",
      width: "120px",
      height: "24px",
      high: "450px",
      left: "center",
      bgColor: "#fff",
      border: "0",
      borderRadius: "",
      url: "https://www.baidu.com",
      name: "其他登录方式",
      fontSize: "16px",
      fontColor: "#392211",
      textAlign: "center",
      textDecoration: "",
    },
  };
}

/** Types one digit into a cell the way a keyboard does (value + input event). */
export function typeInto(input: HTMLInputElement, text: string): void {
  input.focus();
  input.value = input.value + text;
  input.dispatchEvent(
    new InputEvent("input", { data: text, inputType: "insertText", bubbles: true }),
  );
}

export function key(target: EventTarget, k: string, init: KeyboardEventInit = {}): KeyboardEvent {
  const event = new KeyboardEvent("keydown", { key: k, bubbles: true, cancelable: true, ...init });
  target.dispatchEvent(event);
  return event;
}

export function cleanupDom(): void {
  while (mounted.length) mounted.pop()!.destroy();
  document.body.innerHTML = "";
  document.head.querySelectorAll("style[data-ydrz-jssdk]").forEach((n) => n.remove());
  document.body.removeAttribute("style");
  document.documentElement.removeAttribute("style");
}
