/**
 * The `YDRZAuthLogin` object: the original's methods (China Mobile's H5 SDK manual §3) plus
 * `config`, and for the npm module what module.ts adds (`getToken`, `prepare`). It owns the SDK's
 * state: at most one running call, the options of `CustomControlsInit` / `authPageInit`, and the
 * last accessToken for `authGetToken`. Every method is guarded: nothing the SDK does throws into
 * the page.
 */

import {
  BUSY,
  DIGITS_INCOMPLETE,
  ENDED,
  INNER_ERROR,
  LAYER_NOT_INITIALISED,
  MISSING_PARAM,
} from "../protocol/codes";
import { completeMaskedPhone } from "../protocol/masked-phone";
import { applyConfig, hostsFor } from "./config";
import type { IssuedAccessToken, StepContext } from "./context";
import { randomString } from "./crypto";
import { resolveDeps, type Deps } from "./deps";
import { codeError } from "./errors";
import { userInformation } from "./fingerprint";
import { runFlow } from "./flow";
import { copyOptions, FIELDS, missingField, msgIdOf, toFlowData, type FlowData } from "./params";
import { recordOf, text } from "./responses";
import { createSession, safeCall, type Callbacks, type Session } from "./session";
import { requestToken } from "./token";
import type { CallRun, Extension, Methods } from "./extension";
import { moduleExtension } from "./module";
import type { PrepareMethods } from "./prepare";
import type {
  AuthLogin,
  CodeError,
  PageOptions,
  ResolvedConfig,
  Connection,
  ScriptAuthLogin,
} from "./types";

export type { Deps } from "./deps";
export type { AuthLogin, GetTokenOptions, ScriptAuthLogin } from "./types";

/** Defined by the build; the fallback keeps a build or test runner without the define working. */
const VERSION: string = typeof __VERSION__ === "string" ? __VERSION__ : "0.0.0-dev";

/** `getConnection(appid)`: the network type, synchronously and without any network I/O. */
export function getConnection(
  appid: unknown,
  win: Window | undefined,
  random: () => number,
): Connection {
  let netType: Connection["netType"] = "unknown";
  try {
    // Missing on iOS and most desktops; an exotic getter may throw: both leave "unknown".
    const type = (win!.navigator as { connection?: { type?: unknown } }).connection!.type;
    if (type === "cellular" || type === "wifi") netType = type;
  } catch {
    // nothing to learn
  }
  return { appid: text(appid), msgid: randomString({ alphabet: 32, length: 32, random }), netType };
}

/** One call to start: who hears of it, its data, what it adds to the context, and its work. */
interface CallStart {
  callbacks: Callbacks;
  data: FlowData;
  /** The view settings of getTokenInfo, or the fingerprint an accessToken was issued with. */
  more: Partial<StepContext>;
  run: CallRun;
}

/**
 * Where a call's outcome goes, given the integrator's callbacks: the npm module adds the error
 * taxonomy's fields to each failure (taxonomy.ts `withFailureKinds`), the `<script>` build
 * delivers to the callbacks as given.
 */
export type FailureSink = (callbacks: Callbacks) => Callbacks;

/**
 * `extension`: the npm module's methods; `failureSink`: its failure payloads with their kind
 * (neither is in the `<script>` build).
 */
function create(
  partialDeps: Partial<Deps> | undefined,
  extension?: Extension,
  failureSink?: FailureSink,
): AuthLogin {
  const deps = resolveDeps(partialDeps);
  const { report } = deps;
  const config: ResolvedConfig = { timeout: 8000, injectCss: true };
  let active: Session | undefined;
  let popup: StepContext["popup"];
  let page: PageOptions | undefined;
  let issued: IssuedAccessToken | undefined;
  const sink = failureSink || ((callbacks: Callbacks) => callbacks);

  /** Refusals happen before a session exists: only the new call hears of them. */
  const refuse = (callbacks: Callbacks, payload: CodeError) => {
    safeCall(sink(callbacks), "error", payload, report);
  };

  const end = (session: Session) => {
    session.fail(codeError(ENDED, session.msgId));
  };

  /**
   * Starts a call unless one is running; `run` does its work, and a bug of ours there still ends
   * the call with one documented payload.
   */
  const begin = (call: CallStart): Session | undefined => {
    const { callbacks, data } = call;
    const msgId = data.traceId;
    if (active) {
      refuse(callbacks, codeError(BUSY, msgId));
      return undefined;
    }
    const session = createSession({ msgId, callbacks: sink(callbacks), report, now: deps.now });
    active = session;
    session.signal.addEventListener("abort", () => {
      active = undefined;
    });
    const crash = (e: unknown) => {
      report("internal failure", e);
      session.fail(codeError(INNER_ERROR, msgId));
    };
    // The session is already active: whatever throws from here on (a hostile page's navigator)
    // must still end it, or every later call would be refused as busy (104018).
    try {
      const win = deps.win();
      const ctx: StepContext = {
        ...deps,
        userInformation: win ? userInformation(win) : "",
        ...call.more,
        data,
        hosts: hostsFor(config, data.isTest),
        timeout: config.timeout,
        session,
        crash,
      };
      call.run(ctx).catch(crash);
    } catch (e) {
      crash(e);
    }
    return session;
  };

  /** The options read once as the call starts; unreadable ones give the views' defaults. */
  const optionsAtStart = (options: PageOptions | undefined) => {
    try {
      return copyOptions(options);
    } catch (e) {
      report("options unreadable", e);
    }
  };

  /** The options object itself holds the callbacks (read as the call ends). */
  const startFlow = (options: unknown, run: CallRun): Session | undefined => {
    const o = recordOf(options);
    const d = o.data;
    const field = missingField(d, FIELDS.slice(0, 5));
    if (field) {
      refuse(o, codeError(MISSING_PARAM, msgIdOf(d), field));
      return undefined;
    }
    const more: Partial<StepContext> = {
      popup: popup && {
        containerId: popup.containerId,
        options: optionsAtStart(popup.options) || {},
      },
      page: optionsAtStart(page),
      layerCallback: o.layerCallback,
      injectCss: config.injectCss,
      onAccessToken(i) {
        issued = i;
      },
    };
    return begin({ callbacks: o, data: toFlowData(d), more, run });
  };

  /** `authGetToken`: the token request for an accessToken of an authLevel "5" flow. */
  const startTokenRequest = (options: unknown): void => {
    const callbacks = recordOf(options);
    const d = recordOf(callbacks.data);
    const msgId = msgIdOf(d);
    const field = missingField(callbacks.data, ["version", "appId", "traceId", "accessToken"]);
    if (field) {
      refuse(callbacks, codeError(MISSING_PARAM, msgId, field));
      return;
    }
    const accessToken = text(d.accessToken);
    // The original lets integrators omit maskPhone: it keeps the last one it handed out.
    const maskPhone = text(d.maskPhone) || (issued && issued.maskPhone);
    if (!maskPhone) {
      refuse(callbacks, codeError(MISSING_PARAM, msgId, "maskPhone"));
      return;
    }
    const fullPhone = completeMaskedPhone(maskPhone, text(d.maskVal));
    if (fullPhone === undefined) {
      refuse(callbacks, codeError(DIGITS_INCOMPLETE, msgId));
      return;
    }
    // The fingerprint the accessToken was issued with.
    const more: Partial<StepContext> = {};
    if (issued && issued.accessToken === accessToken) more.userInformation = issued.userInformation;
    // Sign and timestamp are not sent by this request; a stray one of the integrator must not
    // travel on.
    const data = { ...toFlowData(d), sign: "", timestamp: "" };
    const run = async (ctx: StepContext) => {
      const wrongDigits = await requestToken(ctx, accessToken, fullPhone);
      // 104012 ends this call too: there is no view to keep open.
      if (wrongDigits) ctx.session.fail(wrongDigits);
    };
    begin({ callbacks, data, more, run });
  };

  /** `authGetTokenByLayer`: the token request from the custom popup without mask. */
  const layerRequest = (first?: unknown, second?: unknown): void => {
    // A function is not an object: (success, error) as two arguments.
    const callbacks: Callbacks =
      first && typeof first === "object" ? first : { success: first, error: second };
    const layer = active && active.layer;
    if (layer) layer(sink(callbacks));
    else refuse(callbacks, codeError(LAYER_NOT_INITIALISED, active ? active.msgId : ""));
  };

  const methods: Methods = {
    getTokenInfo(options: unknown) {
      startFlow(options, runFlow);
    },
    getConnection: (appid: unknown) => getConnection(appid, deps.win(), deps.random),
    endGetToken() {
      if (active) end(active);
    },
    CustomControlsInit(containerId: unknown, options: unknown) {
      popup = { containerId: text(containerId), options: recordOf(options) };
    },
    authPageInit(options: unknown) {
      page = recordOf(options);
    },
    authGetTokenByLayer: layerRequest,
    /** For integrators drawing their own UI after authLevel "5". */
    authGetToken: startTokenRequest,
    config: (patch?: unknown) => applyConfig(config, patch, report),
  };
  if (extension) {
    const core = { startFlow, end, refuse, config, report, methods: { ...methods } };
    Object.assign(methods, extension(core));
  }
  // Whatever a method throws (a bug of ours, hostile input) is reported, never thrown into the
  // page.
  for (const name of Object.keys(methods)) {
    const fn = methods[name];
    methods[name] = (...args) => {
      try {
        return fn(...args);
      } catch (e) {
        report(name, e);
        // Options whose getters throw (or a Proxy): one 503 for `data` rather than no callback.
        // Only the reads before `begin` can throw (begin catches what follows): never a second.
        if (name === "getTokenInfo" || name === "authGetToken") {
          refuse(recordOf(args[0]), codeError(MISSING_PARAM, "", "data"));
        }
      }
    };
  }
  return { version: VERSION, ...methods } as unknown as AuthLogin;
}

/** The original's methods and `config`: what the `<script>` build carries. */
export const createScriptLogin = (partialDeps?: Partial<Deps>): ScriptAuthLogin =>
  create(partialDeps);

/**
 * Everything, with the promise form for SPAs and `prepare`: the npm module's object (src/index.ts
 * passes the taxonomy's `failureSink`; without one, failures are the original's payloads).
 */
export const createAuthLogin = (
  partialDeps?: Partial<Deps>,
  failureSink?: FailureSink,
): AuthLogin & PrepareMethods =>
  create(partialDeps, moduleExtension, failureSink) as AuthLogin & PrepareMethods;
