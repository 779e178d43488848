/**
 * Test doubles for the SDK flow: a scripted transport that records every request and can hold
 * answers back (to race them against endGetToken), and a fake view that records what the flow
 * mounted and lets the test act as the user.
 */

import { vi } from "vitest";
import type { RequestOptions, Transport } from "../../../src/sdk/transport";
import { createAuthLogin, type AuthLogin, type Deps } from "../../../src/sdk/api";
import type { MountedView, ViewHandlers, ViewModel, ViewState } from "../../../src/views/contract";
import type { ErrorPayload, SuccessPayload, TokenRequestData } from "../../../src/sdk/types";

export type Method = "postText" | "postJson" | "get" | "jsonp";

/** The kind of request, as the real transport tells them apart. */
function methodOf(options: RequestOptions): Method {
  if (options.jsonp) return "jsonp";
  if (options.body === undefined) return "get";
  if (typeof options.body === "string") return "postText";
  return "postJson";
}

export interface Call {
  method: Method;
  url: string;
  path: string;
  body?: unknown;
  callbackName?: string;
  options: RequestOptions;
  resolve(value: unknown): void;
  reject(error: Error): void;
  /** True once the SDK aborted the request, unanswered, through its signal. */
  readonly aborted: boolean;
}

/** Returned by a handler to leave the request pending until the test settles it. */
export const HOLD = Symbol("hold");

export type Handler = (call: Call) => unknown;

/** A failure of the real transport (its message says which kind). */
export const transportError = (kind: string) => new Error(kind);

export interface FakeTransport extends Transport {
  calls: Call[];
  /** Resolves with the next (or an already made, unanswered) call whose path ends with `path`. */
  next(path: string): Promise<Call>;
  paths(): string[];
}

export function fakeTransport(handler: Handler): FakeTransport {
  const calls: Call[] = [];
  const waiters: { path: string; resolve: (c: Call) => void }[] = [];
  const held: Call[] = [];

  const make = (url: string, options: RequestOptions) =>
    new Promise<unknown>((resolveRaw, rejectRaw) => {
      const { body, jsonp: callbackName } = options;
      const method = methodOf(options);
      let aborted = false;
      let settled = false;
      const resolve = (v: unknown) => {
        settled = true;
        resolveRaw(v);
      };
      const reject = (e: Error) => {
        settled = true;
        rejectRaw(e);
      };
      const call: Call = {
        method,
        url,
        path: new URL(url).pathname,
        body,
        callbackName,
        options,
        resolve,
        reject,
        get aborted() {
          return aborted;
        },
      };
      calls.push(call);
      if (options.signal?.aborted) {
        aborted = true;
        reject(transportError("abort"));
        return;
      }
      options.signal?.addEventListener("abort", () => {
        if (settled) return;
        aborted = true;
        reject(transportError("abort"));
      });
      let answer: unknown;
      try {
        answer = handler(call);
      } catch (e) {
        // What a handler throws is the transport's failure.
        reject(e as Error);
        return;
      }
      if (answer === HOLD) {
        const i = waiters.findIndex((w) => call.url.endsWith(w.path) || call.path.endsWith(w.path));
        if (i >= 0) waiters.splice(i, 1)[0].resolve(call);
        else held.push(call);
      } else if (answer instanceof Error) reject(answer);
      else resolve(answer);
    });

  return Object.assign(make, {
    calls,
    paths: () => calls.map((c) => c.path),
    next(path: string) {
      const i = held.findIndex((c) => c.url.endsWith(path) || c.path.endsWith(path));
      if (i >= 0) return Promise.resolve(held.splice(i, 1)[0]);
      return new Promise<Call>((resolve) => waiters.push({ path, resolve }));
    },
  });
}

export interface FakeView extends MountedView {
  model: ViewModel;
  handlers: ViewHandlers;
  viewState: ViewState;
  busy: ReturnType<typeof vi.fn<(on: boolean) => void>>;
  wrongDigits: ReturnType<typeof vi.fn<() => void>>;
  toast: ReturnType<typeof vi.fn<(text: string) => void>>;
  destroy: ReturnType<typeof vi.fn<() => void>>;
}

export function fakeViews() {
  const mounted: FakeView[] = [];
  const mountView = vi.fn((model: ViewModel, handlers: ViewHandlers): MountedView => {
    const view: FakeView = {
      model,
      handlers,
      viewState: { digits: "", complete: model.authLevel === "1", agreed: false },
      busy: vi.fn(),
      wrongDigits: vi.fn(),
      toast: vi.fn(),
      destroy: vi.fn(),
      state: () => view.viewState,
    };
    mounted.push(view);
    return view;
  });
  return { mountView, mounted, last: () => mounted[mounted.length - 1] };
}

// ---------------------------------------------------------------------------------------------
// Gateway answers

export const MASK = "138****1234";
export const FULL = "13800001234";

export const cmOk = (fields: Record<string, unknown> = {}) => ({
  header: { appId: "300011", msgId: "trace-1", timestamp: "20260101120000000" },
  body: {
    resultCode: "103000",
    resultDesc: "成功",
    accessToken: "AT-CM",
    maskPhone: MASK,
    authLevel: "4",
    appName: "示例应用",
    ...fields,
  },
});
export const cmFail = (
  code = "103111",
  desc = "WAP网关IP错误",
  extra: Record<string, unknown> = {},
) => ({
  body: { resultCode: code, resultDesc: desc, ...extra },
});
export const phonescripOk = (carrier: "CT" | "CU") => ({
  resultCode: "103000",
  desc: "成功",
  data: `https://gw.${carrier.toLowerCase()}.example/get?callback=${carrier === "CT" ? "getTelecomPhone" : "getNewUnicomPhone"}`,
});
export const jsonpOk = { result: "0", data: "opaque-carrier-data" };
export const callbackOk = (fields: Record<string, unknown> = {}) => ({
  resultCode: "103000",
  resultDesc: "成功",
  accessToken: "AT-X",
  maskPhone: "189****5678",
  authLevel: "4",
  appName: "示例应用",
  ...fields,
});
export const tokenOk = { resultCode: "103000", desc: "token获取成功", data: { token: "TOKEN-1" } };

/**
 * Routes by path; paths not in `routes` fail with a network error. A route's value is the answer,
 * or a function of the call that returns it.
 */
export function routes(table: Record<string, unknown>): Handler {
  return (call) => {
    for (const [suffix, answer] of Object.entries(table)) {
      if (call.path.endsWith(suffix) || call.url.startsWith(suffix))
        return typeof answer === "function" ? answer(call) : answer;
    }
    return transportError(`no route for ${call.url}`);
  };
}

// ---------------------------------------------------------------------------------------------
// A call under test

export const DATA: TokenRequestData = {
  version: "2.0",
  appId: "300011",
  sign: "0123456789abcdef0123456789abcdef",
  traceId: "trace-1",
  timestamp: "20260101120000000",
  openType: "1",
  expandParams: "",
  authPageType: "0",
  isTest: "1",
};

export interface Recorded {
  success: SuccessPayload[];
  error: ErrorPayload[];
  /** Successes and errors in order, for exactly-once checks. */
  all: { kind: "success" | "error"; payload: unknown }[];
  /** Resolves with the first callback. */
  first: Promise<{ kind: "success" | "error"; payload: any }>;
  /** Resolves with the n-th callback (1-based). */
  nth(n: number): Promise<{ kind: "success" | "error"; payload: any }>;
  callbacks: { success: (p: SuccessPayload) => void; error: (p: ErrorPayload) => void };
}

export function recorder(): Recorded {
  const all: Recorded["all"] = [];
  const waiting: { n: number; resolve: (v: Recorded["all"][number]) => void }[] = [];
  const push = (kind: "success" | "error", payload: unknown) => {
    all.push({ kind, payload });
    for (const w of waiting.filter((w) => w.n === all.length)) w.resolve(all[w.n - 1]);
  };
  const nth = (n: number) =>
    all.length >= n
      ? Promise.resolve(all[n - 1])
      : new Promise<Recorded["all"][number]>((resolve) => waiting.push({ n, resolve }));
  const success: SuccessPayload[] = [];
  const error: ErrorPayload[] = [];
  return {
    success,
    error,
    all,
    nth,
    get first() {
      return nth(1);
    },
    callbacks: {
      success: (p) => {
        success.push(p);
        push("success", p);
      },
      error: (p) => {
        error.push(p);
        push("error", p);
      },
    },
  };
}

/** Lets every pending promise chain run (no timers involved). */
export async function flush(): Promise<void> {
  for (let i = 0; i < 50; i++) await Promise.resolve();
}

/** What `setup` may change: the clock, the randomness, the factory (the module entry's). */
export interface SetupExtra {
  now?: () => number;
  random?: () => number;
  create?: (deps: Partial<Deps>) => ReturnType<typeof createAuthLogin>;
}

export function setup(handler: Handler, extra: SetupExtra = {}) {
  const transport = fakeTransport(handler);
  const views = fakeViews();
  const report = vi.fn();
  const create = extra.create ?? ((deps: Partial<Deps>) => createAuthLogin(deps));
  const sdk = create({
    transport,
    mountView: views.mountView,
    report,
    now: extra.now ?? (() => new Date(2026, 0, 1, 12, 0, 0, 0).getTime()),
    random: extra.random ?? (() => 0.5),
  });
  return { sdk, transport, views, report };
}

export function start(
  sdk: AuthLogin,
  data: Record<string, unknown> = {},
  more: Record<string, unknown> = {},
) {
  const rec = recorder();
  sdk.getTokenInfo({ data: { ...DATA, ...data }, ...rec.callbacks, ...more });
  return rec;
}
