// Hostile integrator objects: callbacks, data and options whose getters throw, Proxies. Each call
// still ends with one callback where one can be read, and the SDK stays usable afterwards.
import { describe, expect, it, vi } from "vitest";

vi.mock("../../../src/views/index", () => ({
  mountView: () => {
    throw new Error("real views are not used here");
  },
}));
import { PATHS } from "../../../src/protocol/hosts";
import { cmOk, DATA, flush, HOLD, recorder, routes, setup, start, tokenOk } from "./fakes";

/** An object whose every property read, key listing and property lookup throws. */
const throwingProxy = () => {
  const fail = () => {
    throw new Error("hostile Proxy");
  };
  return new Proxy({}, { get: fail, ownKeys: fail, has: fail, getOwnPropertyDescriptor: fail });
};

describe("a callbacks object that throws as the call settles", () => {
  it("an `error` getter that throws: the view and the session are gone, the next call runs", async () => {
    const { sdk, views, transport, report } = setup(routes({ [PATHS.preGetMobile]: cmOk() }));
    const options = {
      data: { ...DATA },
      get error(): unknown {
        throw new Error("hostile error getter");
      },
    };
    sdk.getTokenInfo(options as never);
    await flush();
    const view = views.last();
    expect(view).toBeDefined();
    sdk.endGetToken();
    expect(view.destroy).toHaveBeenCalledTimes(1);
    expect(report).toHaveBeenCalledWith("YDRZAuthLogin: error callback threw", expect.any(Error));
    // Not wedged: the next call is not refused as busy (104018) and reaches the gateway.
    const before = transport.calls.length;
    const next = start(sdk);
    await flush();
    expect(next.error.map((e) => (e as { code?: string }).code)).not.toContain("104018");
    expect(transport.calls.length).toBeGreaterThan(before);
    sdk.endGetToken();
    expect(next.all).toHaveLength(1);
  });

  it("a Proxy passed to authGetTokenByLayer: its settling tears down and frees the SDK", async () => {
    const { sdk, views } = setup(
      routes({ [PATHS.preGetMobile]: cmOk(), [PATHS.authGetToken]: HOLD }),
    );
    sdk.CustomControlsInit("box", {});
    const box = document.createElement("div");
    box.id = "box";
    document.body.append(box);
    const first = start(sdk, { authPageType: "2" });
    await flush();
    const view = views.last();
    view.viewState = { digits: "0000", complete: true, agreed: true };
    sdk.authGetTokenByLayer(throwingProxy());
    await flush();
    sdk.endGetToken();
    expect(view.destroy).toHaveBeenCalled();
    const second = start(sdk);
    await flush();
    expect(second.error.map((e) => (e as { code?: string }).code)).not.toContain("104018");
    sdk.endGetToken();
    expect(second.all).toHaveLength(1);
    expect(first.all.filter((c) => c.kind === "success")).toHaveLength(1);
    box.remove();
  });
});

describe("a data object that throws", () => {
  const hostileData = [
    [
      "a throwing getter",
      {
        ...DATA,
        get traceId(): string {
          throw new Error("hostile traceId");
        },
      },
    ],
    ["a Proxy", throwingProxy()],
  ] as const;

  for (const [name, data] of hostileData) {
    it(`getTokenInfo with ${name} gets exactly one 503 for data`, async () => {
      const { sdk, transport } = setup(routes({}));
      const rec = recorder();
      sdk.getTokenInfo({ data, ...rec.callbacks } as never);
      await flush();
      expect(rec.all).toHaveLength(1);
      expect(rec.error[0]).toMatchObject({ code: "503", field: "data" });
      expect(transport.calls).toHaveLength(0);
    });

    it(`authGetToken with ${name} gets exactly one 503 for data`, async () => {
      const { sdk, transport } = setup(routes({ [PATHS.authGetToken]: tokenOk }));
      const rec = recorder();
      sdk.authGetToken({ data, ...rec.callbacks } as never);
      await flush();
      expect(rec.all).toHaveLength(1);
      expect(rec.error[0]).toMatchObject({ code: "503", field: "data" });
      expect(transport.calls).toHaveLength(0);
    });
  }
});

describe("view options that throw", () => {
  const hostileOptions = [
    [
      "a throwing maskStyle getter",
      {
        get maskStyle(): unknown {
          throw new Error("hostile maskStyle");
        },
      },
    ],
    ["a Proxy", throwingProxy()],
  ] as const;

  for (const [name, options] of hostileOptions) {
    it(`${name}: nothing throws and the view mounts with default options`, async () => {
      const { sdk, views, report } = setup(routes({ [PATHS.preGetMobile]: cmOk() }));
      const box = document.createElement("div");
      box.id = "ydrzCustomControls";
      document.body.append(box);
      sdk.CustomControlsInit("ydrzCustomControls", options as never);
      const rec = start(sdk, { authPageType: "2" });
      await vi.waitFor(() => expect(views.mounted).toHaveLength(1));
      expect(views.last().model.kind).toBe("custom-popup");
      expect(views.last().model.popupOptions).toEqual({});
      expect(rec.error.map((e) => (e as { code?: string }).code)).not.toContain("103005");
      expect(report).toHaveBeenCalledWith("YDRZAuthLogin: options unreadable", expect.any(Error));
      sdk.endGetToken();
      expect(rec.error).toHaveLength(1);
      box.remove();
    });
  }

  it("options are read once as the call starts, as a plain copy", async () => {
    const { sdk, views } = setup(routes({ [PATHS.preGetMobile]: cmOk() }));
    const onClick = () => {};
    const options = JSON.parse('{"__proto__": {"polluted": 1}, "maskStyle": {"ifShowMask": true}}');
    options.customControls = [{ onClick }];
    sdk.CustomControlsInit("x", options);
    start(sdk, { authPageType: "2" });
    await vi.waitFor(() => expect(views.mounted).toHaveLength(1));
    const copy = views.last().model.popupOptions as Record<string, unknown>;
    expect(views.last().model.kind).toBe("custom-popup-mask");
    expect(copy).not.toBe(options);
    expect(Object.getPrototypeOf(copy)).toBe(Object.prototype);
    expect((copy as { customControls: { onClick: unknown }[] }).customControls[0].onClick).toBe(
      onClick,
    );
    sdk.endGetToken();
  });
});

describe("config timeout", () => {
  const invalid = [2 ** 31, 2 ** 31 - 0.5, 1e308, 0.5, 0, -1, NaN, Infinity, "8000", null];
  for (const timeout of invalid) {
    it(`refuses ${String(timeout)} with a report and keeps the previous timeout`, () => {
      const { sdk, report } = setup(routes({}));
      sdk.config({ timeout: 3000 });
      expect(sdk.config({ timeout } as never).timeout).toBe(3000);
      expect(report).toHaveBeenCalledWith("YDRZAuthLogin: invalid timeout", timeout);
    });
  }

  it("accepts setTimeout's longest delay, 2^31 - 1 ms", () => {
    const { sdk, report } = setup(routes({}));
    expect(sdk.config({ timeout: 2 ** 31 - 1 }).timeout).toBe(2 ** 31 - 1);
    expect(report).not.toHaveBeenCalled();
  });
});

describe("a mask nobody can complete", () => {
  const masks = ["1**********4", "1".repeat(1_000_000) + "****", "1*2*3"];
  for (const maskPhone of masks) {
    it(`${maskPhone.slice(0, 14)}… from CM: no view, one failure with 103005`, async () => {
      const { sdk, views } = setup(routes({ [PATHS.preGetMobile]: cmOk({ maskPhone }) }));
      const rec = start(sdk);
      const outcome = await rec.first;
      expect(views.mounted).toHaveLength(0);
      expect(outcome.kind).toBe("error");
      expect(outcome.payload.YDData).toMatchObject({ code: "103005" });
      await flush();
      expect(rec.all).toHaveLength(1);
    });
  }
});
