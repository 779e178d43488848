import { afterEach, expect, test } from "vitest";
import { mountView } from "../../../src/views";
import { cleanupDom, model, seedPageOptions, seedPopupOptions, spies } from "./helpers";

afterEach(cleanupDom);

test("every kind mounts", () => {
  for (const kind of ["standard-popup", "custom-popup-mask", "custom-page", "standard-page"] as const) {
    const v = mountView(model(kind, { popupOptions: seedPopupOptions(true), pageOptions: seedPageOptions() }), spies());
    expect(document.body.children.length).toBeGreaterThan(0);
    console.log(kind, document.body.innerHTML.length);
    v.destroy();
    expect(document.body.children.length).toBe(0);
  }
  const c = document.createElement("div");
  document.body.appendChild(c);
  const v = mountView(model("custom-popup", { container: c, popupOptions: seedPopupOptions(false) }), spies());
  console.log(c.innerHTML);
  v.destroy();
});
