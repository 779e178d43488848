// The real JSONP in jsdom: script injection, the fixed global callback, timeout, abort, cleanup.
import { afterEach, describe, expect, it, vi } from "vitest";
import { jsonp } from "../../../src/sdk/transport";

const URL_CT =
  "https://open.e.189.cn/openapi/networkauth/preGetMobile.do?callback=getTelecomPhone&x=1";
const globals = window as unknown as Record<string, unknown>;
const page = { doc: document, win: window };
const scripts = () => Array.from(document.querySelectorAll("script"));

afterEach(() => {
  vi.useRealTimers();
  delete globals.getTelecomPhone;
  for (const s of scripts()) s.remove();
});

describe("jsonp", () => {
  it("injects one script with the gateway URL and resolves with the global callback's argument", async () => {
    const p = jsonp(page, URL_CT, {
      jsonp: "getTelecomPhone",
      timeout: 8000,
    });
    expect(scripts()).toHaveLength(1);
    const script = scripts()[0];
    expect(script.src).toBe(URL_CT);
    expect(typeof globals.getTelecomPhone).toBe("function");
    (globals.getTelecomPhone as (v: unknown) => void)({ result: "0", data: "opaque" });
    await expect(p).resolves.toEqual({ result: "0", data: "opaque" });
    expect(scripts()).toHaveLength(0);
    // The global goes once the script has finished running (its load event).
    script.dispatchEvent(new Event("load"));
    expect("getTelecomPhone" in globals).toBe(false);
  });

  it("ignores a duplicate call of the callback by the same script", async () => {
    const p = jsonp(page, URL_CT, {
      jsonp: "getTelecomPhone",
      timeout: 8000,
    });
    const cb = globals.getTelecomPhone as (v: unknown) => void;
    cb({ result: "0", data: "first" });
    expect(() => cb({ result: "0", data: "second" })).not.toThrow();
    await expect(p).resolves.toEqual({ result: "0", data: "first" });
  });

  it("rejects with a timeout after the configured time and cleans up", async () => {
    vi.useFakeTimers();
    const p = jsonp(page, URL_CT, {
      jsonp: "getTelecomPhone",
      timeout: 8000,
    });
    const settled = vi.fn();
    p.then(settled, settled);
    await vi.advanceTimersByTimeAsync(7999);
    expect(settled).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    await expect(p).rejects.toMatchObject({ message: "timeout" });
    expect(scripts()).toHaveLength(0);
    expect("getTelecomPhone" in globals).toBe(false);
  });

  it("rejects with abort when the signal fires, removing script and global", async () => {
    const controller = new AbortController();
    const p = jsonp(page, URL_CT, {
      jsonp: "getTelecomPhone",
      timeout: 8000,
      signal: controller.signal,
    });
    controller.abort();
    await expect(p).rejects.toMatchObject({ message: "abort" });
    expect(scripts()).toHaveLength(0);
    expect("getTelecomPhone" in globals).toBe(false);
  });

  it("does not even inject the script for an already aborted signal", async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(
      jsonp(page, URL_CT, {
        jsonp: "getTelecomPhone",
        timeout: 8000,
        signal: controller.signal,
      }),
    ).rejects.toMatchObject({ message: "abort" });
    expect(scripts()).toHaveLength(0);
  });

  it("rejects with the error event when the script fails to load", async () => {
    const p = jsonp(page, URL_CT, {
      jsonp: "getTelecomPhone",
      timeout: 8000,
    });
    scripts()[0].dispatchEvent(new Event("error"));
    await expect(p).rejects.toBeInstanceOf(Event);
    expect("getTelecomPhone" in globals).toBe(false);
  });

  it("restores a global of the same name that was there before (e.g. the original SDK)", async () => {
    const previous = () => "original";
    globals.getTelecomPhone = previous;
    const p = jsonp(page, URL_CT, {
      jsonp: "getTelecomPhone",
      timeout: 8000,
    });
    expect(globals.getTelecomPhone).not.toBe(previous);
    const script = scripts()[0];
    (globals.getTelecomPhone as (v: unknown) => void)({ result: "0" });
    await p;
    script.dispatchEvent(new Event("load"));
    expect(globals.getTelecomPhone).toBe(previous);
  });

  it("a script that calls back twice finds the global both times (no ReferenceError)", async () => {
    const p = jsonp(page, URL_CT, { jsonp: "getTelecomPhone", timeout: 8000 });
    const script = scripts()[0];
    // What the gateway's script does: look the global up by name at each call.
    const callByName = (data: string) =>
      (globals.getTelecomPhone as (v: unknown) => void)({ result: "0", data });
    callByName("first");
    expect(() => callByName("second")).not.toThrow();
    await expect(p).resolves.toEqual({ result: "0", data: "first" });
    script.dispatchEvent(new Event("load"));
    expect("getTelecomPhone" in globals).toBe(false);
  });

  it("a script that ran without calling back (it threw, or did not parse) fails at its load", async () => {
    vi.useFakeTimers();
    const p = jsonp(page, URL_CT, { jsonp: "getTelecomPhone", timeout: 8000 });
    scripts()[0].dispatchEvent(new Event("load"));
    // No time passes: the failure is known at once, not at the 8 s timeout.
    await expect(p).rejects.toMatchObject({ message: "no callback" });
    expect(scripts()).toHaveLength(0);
    expect("getTelecomPhone" in globals).toBe(false);
    expect(vi.getTimerCount()).toBe(0);
  });

  it("clears its timer once settled (no late timeout)", async () => {
    vi.useFakeTimers();
    const p = jsonp(page, URL_CT, {
      jsonp: "getTelecomPhone",
      timeout: 8000,
    });
    (globals.getTelecomPhone as (v: unknown) => void)({ result: "0" });
    await p;
    expect(vi.getTimerCount()).toBe(0);
  });
});
