/**
 * The `YDRZAuthLogin` object: the original's methods (seed 003 §3) plus `config` and the promise
 * form `getToken`. It owns the SDK's state: at most one running call, the options of
 * `CustomControlsInit` / `authPageInit`, and the last accessToken for `authGetToken`. Every method
 * is guarded: nothing the SDK does throws into the page.
 */

import { SDK_CODES } from "../protocol/codes";
import { readAuthGetTokenData, type IssuedAccessToken } from "./auth-get-token";
import type { Layer, ViewSettings } from "./authorize";
import { createConfigStore } from "./config";
import { getConnection } from "./connection";
import type { StepContext } from "./context";
import { resolveDeps, type Deps } from "./deps";
import { codeError, YDRZError } from "./errors";
import { userInformation } from "./fingerprint";
import { runFlow } from "./flow";
import { safeCall } from "./once";
import { msgIdOf, readFlowData, type FlowData } from "./params";
import { asRecord, recordOf, text } from "./responses";
import { createSession, type Callbacks, type Session } from "./session";
import { requestToken } from "./token";
import type {
  AuthGetTokenOptions,
  AuthLogin,
  CustomPopupOptions,
  ErrorPayload,
  GetTokenInfoOptions,
  GetTokenOptions,
  PageOptions,
  SdkConfig,
  SuccessPayload,
  TokenRequestData,
} from "./types";

export type { Deps } from "./deps";
export type { AuthLogin, GetTokenOptions } from "./types";

/** Defined by the build; the fallback keeps a build or test runner without the define working. */
const VERSION: string = typeof __VERSION__ === "string" ? __VERSION__ : "0.0.0-dev";

export function createAuthLogin(partialDeps?: Partial<Deps>): AuthLogin {
  const deps = resolveDeps(partialDeps);
  const { report } = deps;
  const config = createConfigStore();
  let active: Session | undefined;
  let layer: Layer | undefined;
  let popup: ViewSettings["popup"];
  let page: PageOptions | undefined;
  let issued: IssuedAccessToken | undefined;

  const navigatorOf = (): Navigator | undefined => {
    const win = deps.window;
    return win ? win.navigator : undefined;
  };

  const begin = (msgId: string, callbacks: Callbacks): Session => {
    const session = createSession({ msgId, callbacks, report, now: deps.now });
    active = session;
    session.onEnd(() => {
      if (active === session) {
        active = undefined;
        layer = undefined;
      }
    });
    return session;
  };

  const fingerprint = (): string => {
    const win = deps.window;
    try {
      return win ? userInformation(win) : "";
    } catch (e) {
      report("YDRZAuthLogin: reading the browser fingerprint failed", e);
      return "";
    }
  };

  const stepContext = (session: Session, data: FlowData, userInfo: string): StepContext => {
    const current = config.get();
    const nav = navigatorOf();
    return {
      data,
      hosts: config.hostsFor(data.isTest),
      transport: deps.transport,
      timeout: current.timeout,
      signal: session.signal,
      userInformation: userInfo,
      userAgent: text(nav && nav.userAgent),
      now: deps.now,
      random: deps.random,
    };
  };

  /** A bug of ours must still end the call with one documented payload. */
  const failInternally = (session: Session) => (e: unknown) => {
    report("YDRZAuthLogin: internal failure", e);
    session.fail(codeError(SDK_CODES.innerError, session.msgId));
  };

  /** Refusals happen before a session exists: only the new call hears of them. */
  const refuse = (callbacks: Callbacks, payload: ErrorPayload) => safeCall(callbacks.error, payload, report, "error");

  const startFlow = (options: unknown): Session | undefined => {
    const o = recordOf(options);
    const callbacks = { success: o.success, error: o.error };
    const msgId = msgIdOf(o.data);
    const checked = readFlowData(o.data);
    if (!checked.ok) return void refuse(callbacks, codeError(SDK_CODES.missingParam, msgId, checked.field));
    if (active) return void refuse(callbacks, codeError(SDK_CODES.busy, msgId));
    const session = begin(msgId, callbacks);
    const ctx = stepContext(session, checked.data, fingerprint());
    const settings: ViewSettings = { popup, page, layerCallback: o.layerCallback, injectCss: config.get().injectCss };
    runFlow(session, ctx, {
      mountView: deps.mountView,
      document: deps.document,
      settings,
      report,
      onAccessToken(answer, userInfo) {
        issued = { accessToken: answer.accessToken, maskPhone: answer.maskPhone, userInformation: userInfo };
      },
      onLayer(l) {
        if (active === session) layer = l;
      },
    }).catch(failInternally(session));
    return session;
  };

  const authGetToken = (options: unknown) => {
    const o = recordOf(options);
    const callbacks = { success: o.success, error: o.error };
    const input = readAuthGetTokenData(o.data, issued);
    if (!input.ok) return refuse(callbacks, input.payload);
    if (active) return refuse(callbacks, codeError(SDK_CODES.busy, input.msgId));
    const { data, accessToken, fullPhone } = input;
    const session = begin(input.msgId, callbacks);
    const ctx = stepContext(session, data, input.issuedBy ? input.issuedBy.userInformation : fingerprint());
    session
      .time("token", requestToken(ctx, { accessToken, fullPhone }))
      .then((outcome) => {
        if (outcome.kind === "success") session.succeed({ ...outcome.payload, timing: session.timingSnapshot() });
        else session.fail(outcome.payload);
      })
      .catch(failInternally(session));
  };

  const endGetToken = () => {
    if (active) active.fail(codeError(SDK_CODES.ended, active.msgId));
  };

  /** The promise form: `startFlow`'s callbacks settle the promise; the signal ends this call only. */
  const getToken = (data: TokenRequestData, options?: GetTokenOptions): Promise<SuccessPayload> =>
    new Promise<SuccessPayload>((resolve, reject) => {
      const fail = (payload: ErrorPayload) => reject(new YDRZError(payload));
      const { signal, layerCallback } = recordOf(options) as GetTokenOptions;
      try {
        if (signal && signal.aborted) return fail(codeError(SDK_CODES.ended, msgIdOf(data)));
        const session = startFlow({ data, layerCallback, success: resolve, error: fail });
        if (!session || !signal) return;
        const onAbort = () => {
          if (active === session) endGetToken();
        };
        signal.addEventListener("abort", onAbort);
        session.onEnd(() => signal.removeEventListener("abort", onAbort));
      } catch (e) {
        report("YDRZAuthLogin.getToken failed", e);
        fail(codeError(SDK_CODES.innerError, msgIdOf(data)));
      }
    });

  type Method = (...args: never[]) => unknown;
  const methods: Record<string, Method> = {
    getTokenInfo: (options: GetTokenInfoOptions) => void startFlow(options),
    getToken,
    getConnection: (appid: string) => getConnection(appid, navigatorOf(), deps.random),
    endGetToken,
    CustomControlsInit(containerId: string, options: CustomPopupOptions) {
      popup = { containerId: text(containerId), options: recordOf(options) as CustomPopupOptions };
    },
    authPageInit(options: PageOptions) {
      page = recordOf(options) as PageOptions;
    },
    authGetTokenByLayer(first?: unknown, second?: unknown) {
      const asObject = typeof first === "function" ? undefined : asRecord(first);
      const callbacks: Callbacks = asObject ? { success: asObject.success, error: asObject.error } : { success: first, error: second };
      if (!layer || !active) return refuse(callbacks, codeError(SDK_CODES.layerNotInitialised, active ? active.msgId : ""));
      layer.submit(callbacks);
    },
    authGetToken: (options: AuthGetTokenOptions) => authGetToken(options),
    config: (patch?: SdkConfig) => config.set(patch),
  };
  // What a method that threw returns instead (undefined where not listed).
  const fallbacks: Record<string, Method> = {
    getConnection: (appid: unknown) => ({ appid: text(appid), msgid: "", netType: "unknown" }),
    config: () => config.get(),
  };
  // getToken reports its own failures as a rejection.
  for (const name of Object.keys(methods)) {
    const fn = methods[name];
    if (fn !== getToken)
      methods[name] = (...args) => {
        try {
          return fn(...args);
        } catch (e) {
          report(`YDRZAuthLogin.${name} failed`, e);
          return fallbacks[name] && fallbacks[name](...args);
        }
      };
  }
  return { version: VERSION, ...methods } as unknown as AuthLogin;
}

/** The ready instance. Creating it touches no global: `window`/`document` are read when used. */
export const YDRZAuthLogin: AuthLogin = createAuthLogin();
