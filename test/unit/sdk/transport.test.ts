// The real fetch transport with a fake fetch: headers, body, timeout, abort, bad answers.
import { afterEach, describe, expect, it, vi } from "vitest";
import { createBrowserTransport, type Transport } from "../../../src/sdk/transport";

type FetchArgs = [string, RequestInit];

function transportWith(fetchImpl: (url: string, init: RequestInit) => Promise<Response>) {
  const calls: FetchArgs[] = [];
  const fetchFn = ((url: string, init: RequestInit) => {
    calls.push([url, init]);
    return fetchImpl(url, init);
  }) as unknown as typeof fetch;
  // The page's window, with this fetch.
  const win = new Proxy(window, {
    get: (target, key) => (key === "fetch" ? fetchFn : Reflect.get(target, key)),
  });
  const transport: Transport = createBrowserTransport(
    () => win,
    () => document,
  );
  return { transport, calls };
}

const json = (value: unknown, status = 200) =>
  Promise.resolve(new Response(JSON.stringify(value), { status }));

/** A fetch that never answers but honours its signal, like the real one. */
const hanging = (_url: string, init: RequestInit) =>
  new Promise<Response>((_resolve, reject) => {
    init.signal?.addEventListener("abort", () => reject(new DOMException("aborted", "AbortError")));
  });

afterEach(() => vi.useRealTimers());

describe("browser transport", () => {
  it("postText sends the string body with no Content-Type (no CORS preflight)", async () => {
    const { transport, calls } = transportWith(() => json({ ok: 1 }));
    await expect(
      transport("https://verify.example/h5/httpsPreGetmobile", { body: '{"a":1}', timeout: 8000 }),
    ).resolves.toEqual({ ok: 1 });
    const [url, init] = calls[0];
    expect(url).toBe("https://verify.example/h5/httpsPreGetmobile");
    expect(init.method).toBe("POST");
    expect(init.body).toBe('{"a":1}');
    expect(Object.keys(init.headers as object)).toEqual([]);
  });

  it("postJson sends JSON with application/json and the custom headers", async () => {
    const { transport, calls } = transportWith(() => json({}));
    await transport("https://x.example/t", {
      body: { b: 2 },
      timeout: 8000,
      headers: { appId: "1", traceId: "t" },
    });
    expect(calls[0][1].body).toBe('{"b":2}');
    expect(calls[0][1].headers).toEqual({
      "Content-Type": "application/json",
      appId: "1",
      traceId: "t",
    });
  });

  it("get sends headers and no body", async () => {
    const { transport, calls } = transportWith(() => json({ resultCode: "103000" }));
    await transport("https://x.example/p", { timeout: 8000, headers: { interfaceVersion: "1.0" } });
    expect(calls[0][1]).toMatchObject({ method: "GET", headers: { interfaceVersion: "1.0" } });
    expect(calls[0][1].body).toBeUndefined();
  });

  it("times out after the given milliseconds, aborting the fetch", async () => {
    vi.useFakeTimers();
    const { transport, calls } = transportWith(hanging);
    const p = transport("https://x.example", { body: "{}", timeout: 3000 });
    const outcome = p.catch((e) => e);
    await vi.advanceTimersByTimeAsync(2999);
    expect(calls[0][1].signal?.aborted).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(await outcome).toMatchObject({ message: "timeout" });
    expect(calls[0][1].signal?.aborted).toBe(true);
  });

  it("aborts the in-flight fetch when the caller's signal fires", async () => {
    const { transport, calls } = transportWith(hanging);
    const controller = new AbortController();
    const p = transport("https://x.example", { timeout: 8000, signal: controller.signal });
    controller.abort();
    await expect(p).rejects.toMatchObject({ message: "abort" });
    expect(calls[0][1].signal?.aborted).toBe(true);
  });

  it("does not call fetch for an already aborted signal", async () => {
    const { transport, calls } = transportWith(() => json({}));
    const controller = new AbortController();
    controller.abort();
    await expect(
      transport("https://x.example", { timeout: 8000, signal: controller.signal }),
    ).rejects.toMatchObject({ message: "abort" });
    expect(calls).toHaveLength(0);
  });

  it("rejects non-JSON answers (a parse error) and HTTP errors (http)", async () => {
    const bad = transportWith(() => Promise.resolve(new Response("<html>oops</html>")));
    await expect(bad.transport("https://x.example", { timeout: 8000 })).rejects.toBeInstanceOf(
      SyntaxError,
    );
    const http = transportWith(() => json({}, 502));
    await expect(http.transport("https://x.example", { timeout: 8000 })).rejects.toMatchObject({
      message: "http",
    });
  });

  it("rejects with the cause of a rejected fetch (DNS, CORS)", async () => {
    const { transport } = transportWith(() => Promise.reject(new TypeError("Failed to fetch")));
    await expect(transport("https://x.example", { timeout: 8000 })).rejects.toMatchObject({
      message: "Failed to fetch",
    });
  });

  it("leaves no timer behind after an answer", async () => {
    vi.useFakeTimers();
    const { transport } = transportWith(() => json({}));
    await transport("https://x.example", { timeout: 8000 });
    expect(vi.getTimerCount()).toBe(0);
  });

  it("delegates jsonp to the page's document and window", async () => {
    const { transport } = transportWith(() => json({}));
    const p = transport("https://gw.example/x?callback=getNewUnicomPhone", {
      jsonp: "getNewUnicomPhone",
      timeout: 8000,
    });
    expect(document.querySelector("script")?.src).toBe(
      "https://gw.example/x?callback=getNewUnicomPhone",
    );
    (window as unknown as { getNewUnicomPhone: (v: unknown) => void }).getNewUnicomPhone({
      result: "0",
      data: "d",
    });
    await expect(p).resolves.toEqual({ result: "0", data: "d" });
  });
});
