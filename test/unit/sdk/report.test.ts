// Where the SDK's swallowed exceptions go by default: the page's error monitoring.
import { afterEach, describe, expect, it, vi } from "vitest";
import { resolveDeps } from "../../../src/sdk/deps";

afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

describe("the default report", () => {
  it("hands the error itself to reportError where the browser has it", () => {
    const reportError = vi.fn();
    vi.stubGlobal("reportError", reportError);
    const log = vi.spyOn(console, "error").mockImplementation(() => {});
    const error = new Error("callback threw");
    resolveDeps().report("success callback threw", error);
    expect(reportError).toHaveBeenCalledExactlyOnceWith(error);
    expect(log).not.toHaveBeenCalled();
  });

  it("logs to console.error with the SDK's name where reportError is missing", () => {
    vi.stubGlobal("reportError", undefined);
    const log = vi.spyOn(console, "error").mockImplementation(() => {});
    const error = new Error("callback threw");
    resolveDeps().report("success callback threw", error);
    expect(log).toHaveBeenCalledExactlyOnceWith("YDRZAuthLogin: success callback threw", error);
  });
});
