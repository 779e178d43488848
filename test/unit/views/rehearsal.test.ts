// prepare's pre-draw (rehearseView): every view is built and removed in one go, and the host
// page keeps its focus, its attributes, its scroll and its styles.
import { afterEach, describe, expect, it, vi } from "vitest";
import type { ViewKind } from "../../../src/views/contract";
import { rehearseView } from "../../../src/views";
import { isScrollLocked } from "../../../src/views/scroll-lock";
import { cleanupDom, model } from "./helpers";

afterEach(() => {
  cleanupDom();
  vi.restoreAllMocks();
});

const KINDS: ViewKind[] = [
  "standard-popup",
  "custom-popup",
  "custom-popup-mask",
  "custom-page",
  "standard-page",
];

describe("rehearseView", () => {
  it.each(KINDS)("%s: nothing left behind, focus and the host page untouched", (kind) => {
    if (typeof Element.prototype.scrollIntoView !== "function") {
      Element.prototype.scrollIntoView = () => undefined;
    }
    document.body.innerHTML = '<main id="app"><input id="host-input"></main>';
    const input = document.querySelector<HTMLInputElement>("#host-input")!;
    input.focus();
    const focusMoves = vi.fn();
    document.addEventListener("focusin", focusMoves, true);
    document.addEventListener("focusout", focusMoves, true);
    const scrollTo = vi.spyOn(window, "scrollTo").mockImplementation(() => undefined);
    const built = vi.spyOn(document.body, "appendChild");

    rehearseView(model(kind));

    // The view was really built (into the body), then removed.
    expect(built).toHaveBeenCalled();
    expect(document.body.innerHTML).toBe('<main id="app"><input id="host-input"></main>');
    expect(document.activeElement).toBe(input);
    expect(focusMoves).not.toHaveBeenCalled();
    expect(scrollTo).not.toHaveBeenCalled();
    expect(isScrollLocked()).toBe(false);
    expect(document.documentElement.getAttribute("style")).toBeNull();
    expect(document.head.querySelector("style")).not.toBeNull();
    document.removeEventListener("focusin", focusMoves, true);
    document.removeEventListener("focusout", focusMoves, true);
  });
});
