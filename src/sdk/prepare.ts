/**
 * `prepare` (npm module only for now: the `<script>` build's size budget has no room for it yet).
 * It runs the number fetch of getTokenInfo ahead of the user's tap, with data the integrator's
 * server signed for it: the flow (flow.ts) up to the number, China Mobile's pre-fetch and, for a
 * subscriber of another carrier, the Telecom/Unicom steps up to the masked number. The flow's
 * `onNumber` step keeps the number instead of drawing a view, and `prepare` answers whether
 * one-tap login can work.
 *
 * The one kept number is single use and lives 5 minutes, as the gateway's accessToken does: the
 * next flow takes it (and so it is gone whatever that call's outcome: token, cancel, end), and
 * uses it when it is fresh and for the same app and gateway; `endGetToken`, `pagehide` and a new
 * `prepare` drop it.
 */

import { MISSING_PARAM } from "../protocol/codes";
import type { PageOption } from "../protocol/wire";
import { injectStyles, mountView, rehearseView } from "../views/index";
import { numberModel, type FoundNumber } from "./authorize";
import type { HostedFound, StepContext } from "./context";
import { codeError } from "./errors";
import type { CallRun, ExtensionCore } from "./extension";
import { fetchPageOption, runFlow, useNumber } from "./flow";
import { isFetchFailure } from "./guards";
import { safeCall } from "./session";
import { decidingCarrier, describeError, type ErrorKind } from "./taxonomy";
import type {
  Carrier,
  CarrierResult,
  ErrorCode,
  ErrorPayload,
  SuccessPayload,
  Timing,
  TokenRequestData,
} from "./types";

/** How long a prepared number can be used: the gateway's accessToken lifetime, 5 minutes. */
export const PREPARED_LIFETIME_MS = 5 * 60 * 1000;

/** `prepare` found the number: one-tap login can be offered. */
export interface PrepareAvailable {
  /** Always true here: show the one-tap button. */
  available: true;
  /** The carrier that fetched the number (the subscriber's). */
  carrier: Carrier;
  /**
   * What the view will ask of the user: "1" a confirm, "4" the four hidden digits, "5" no view
   * (getTokenInfo hands the accessToken to the page's own UI).
   */
  authLevel: "1" | "4" | "5";
  /** The number with its middle digits hidden, e.g. "138****1234", when the gateway sent one. */
  maskPhone?: string;
  /**
   * Epoch milliseconds after which the kept number is no longer used (5 minutes from the start
   * of `prepare`): a getTokenInfo after that fetches the number again.
   */
  expiresAt: number;
  /** The `traceId` of the prepare's data. */
  msgId: string;
  /** Durations of the number fetch's steps (`CM`, `CT`, `CU`, `pageOption`, `total`). */
  timing?: Timing;
}

/** `prepare` found no number, or was refused: offer another login (e.g. SMS) when `sms` says so. */
export interface PrepareUnavailable {
  /** Always false here: do not offer one-tap login now. */
  available: false;
  /**
   * The deciding code: for a failed number fetch the code of the carrier that decided it
   * (`carrier`), otherwise the refusal's (503 missing data or ended, 104018 busy, 509 no page).
   */
  code: ErrorCode;
  /** The gateway's text for `code`, or the SDK's (Chinese). */
  message: string;
  /** The `traceId` of the prepare's data ("" when it had none). */
  msgId: string;
  /** What went wrong (the error taxonomy, `describeError`). */
  kind: ErrorKind;
  /** Whether a later `prepare` can succeed (network, busy, …). */
  retryable: boolean;
  /** Whether to hand the user over to SMS login: one-tap login cannot work this time. */
  sms: boolean;
  /** For a failed number fetch: the carrier whose result decided it. */
  carrier?: Carrier;
  /** For 503 参数缺失: the missing field of `data`. */
  field?: string;
  /** For a failed number fetch: China Mobile's result. */
  YDData?: CarrierResult;
  /** For a failed number fetch: China Telecom's result. */
  CTData?: CarrierResult;
  /** For a failed number fetch: China Unicom's result. */
  CUData?: CarrierResult;
  /** Durations of the steps that ran. */
  timing?: Timing;
}

/** What `prepareAsync` resolves with. */
export type PrepareResult = PrepareAvailable | PrepareUnavailable;

/** The callbacks of `prepare`: exactly one of them is called, once. */
export interface PrepareCallbacks {
  /** The number was found and is kept for the next getTokenInfo (or `getToken`). */
  success?: (result: PrepareAvailable) => void;
  /** No number, or the prepare was refused (missing data, a call running) or ended. */
  error?: (result: PrepareUnavailable) => void;
}

/** The npm module's `prepare` methods (not in the `<script>` build yet: its size budget). */
export interface PrepareMethods {
  /**
   * Fetches the number ahead of the tap with `data` signed for this prepare (fields as
   * getTokenInfo's; its own traceId, timestamp and sign) and keeps it for the next getTokenInfo:
   * single use, 5 minutes. Refused with 104018 while a call (or another prepare) runs.
   */
  prepare(data: TokenRequestData, callbacks?: PrepareCallbacks): void;
  /** `prepare` as a promise; it always resolves (`available` tells), never rejects. */
  prepareAsync(data: TokenRequestData): Promise<PrepareResult>;
}

/** What `prepare` keeps for the next flow. */
interface Kept {
  found: HostedFound;
  /** The fingerprint the accessToken was fetched with, and is bound to. */
  userInformation: string;
  /** getPageOption's request, when the prepare's data asked for the standard popup. */
  pageOption: Promise<PageOption | undefined> | undefined;
  appId: string;
  /** The gateway that issued the accessToken (its token request goes there). */
  apiHost: string;
  expiresAt: number;
}

/** A failure or refusal payload as `prepare` answers it, with the taxonomy's advice. */
export function unavailable(payload: ErrorPayload): PrepareUnavailable {
  const info = describeError(payload);
  const result: PrepareUnavailable = {
    available: false,
    code: info.code,
    message: "",
    msgId: payload.msgId,
    kind: info.kind,
    retryable: info.retryable,
    sms: info.sms,
  };
  if (payload.timing) result.timing = payload.timing;
  if (isFetchFailure(payload)) {
    // The code is the deciding carrier's (describeError): so is the text.
    const [carrier, decided] = decidingCarrier(payload);
    result.carrier = carrier;
    result.message = decided.message;
    result.YDData = payload.YDData;
    result.CTData = payload.CTData;
    result.CUData = payload.CUData;
  } else {
    result.message = payload.message;
    if (payload.field) result.field = payload.field;
  }
  return result;
}

/** `prepare`, and the flow's work with the kept number in front (module.ts wires both in). */
export function createPrepare(core: ExtensionCore) {
  const { report } = core;
  let kept: Kept | undefined;
  let unlisten: (() => void) | undefined;

  const drop = () => {
    kept = undefined;
    if (unlisten) unlisten();
    unlisten = undefined;
  };

  const keep = (ctx: StepContext, number: Kept) => {
    drop();
    kept = number;
    // A page that goes away (or into the back-forward cache) leaves nothing to come back to.
    const win = ctx.win();
    if (!win) return;
    win.addEventListener("pagehide", drop);
    unlisten = () => {
      win.removeEventListener("pagehide", drop);
    };
  };

  /** The kept number if it is good for this call; it is gone either way (single use). */
  const take = (ctx: StepContext): Kept | undefined => {
    const k = kept;
    drop();
    if (!k || ctx.now() >= k.expiresAt) return undefined;
    if (k.appId !== ctx.data.appId || k.apiHost !== ctx.hosts.api) return undefined;
    return k;
  };

  /**
   * The stylesheet now, and in a task of its own after prepare has answered, a rehearsal of the
   * view the next getTokenInfo will draw, with this number and the gateway's texts: the first
   * view then costs what a second one does. Only with the SDK's own views (a stand-in
   * `mountView`, as in tests, gets no rehearsal).
   */
  const predraw = (ctx: StepContext, found: HostedFound, pageOption: PageOption | undefined) => {
    const doc = ctx.doc();
    try {
      if (doc) injectStyles(doc, ctx.injectCss !== false);
    } catch (e) {
      report("prepare styles", e);
    }
    const { answer, carrier } = found;
    if (answer.authLevel === "5" || ctx.mountView !== mountView) return;
    // Checked just above: a number with a view to show.
    const shown = answer as FoundNumber["answer"];
    const model = numberModel(ctx, { answer: shown, carrier, pageOption });
    setTimeout(() => {
      // Not for a number already used or dropped (a view of its own may be up).
      if (kept && kept.found === found) rehearseView(model);
    });
  };

  /** A prepare's work: the flow, whose `onNumber` step keeps the number instead of a view. */
  const prepareRun: CallRun = (ctx) => {
    drop();
    // The gateway's 5 minutes start when it issues the accessToken, after this.
    const expiresAt = ctx.now() + PREPARED_LIFETIME_MS;
    const onNumber = (c: StepContext, found: HostedFound, pageOption: Kept["pageOption"]) => {
      const { session } = c;
      const settle = async () => {
        const option = await pageOption;
        if (session.done) return;
        const { answer } = found;
        keep(c, {
          found,
          userInformation: c.userInformation,
          pageOption,
          appId: c.data.appId,
          apiHost: c.hosts.api,
          expiresAt,
        });
        predraw(c, found, option);
        const result: PrepareAvailable = {
          available: true,
          carrier: found.carrier,
          authLevel: answer.authLevel,
          expiresAt,
          msgId: session.msgId,
          timing: session.timing(),
        };
        if (answer.maskPhone) result.maskPhone = answer.maskPhone;
        // The session carries prepare's own result to prepare's own callbacks (below).
        session.succeed(result as unknown as SuccessPayload);
      };
      settle().catch((e: unknown) => c.crash(e));
      return true;
    };
    return runFlow({ ...ctx, onNumber });
  };

  const prepare = (data: unknown, callbacks?: unknown) => {
    const fail = (payload: ErrorPayload) => {
      safeCall(callbacks, "error", unavailable(payload), report);
    };
    const options = {
      data,
      success: (result: PrepareAvailable) => {
        safeCall(callbacks, "success", result, report);
      },
      error: fail,
    };
    try {
      core.startFlow(options, prepareRun);
    } catch (e) {
      // Data whose getters throw (or a Proxy): the one 503 for `data`, as getTokenInfo gives.
      report("prepare", e);
      fail(codeError(MISSING_PARAM, "", "data"));
    }
  };

  /** getTokenInfo's work: the kept number when it is good, else the whole flow. */
  const run: CallRun = async (ctx) => {
    const k = take(ctx);
    if (!k) return runFlow(ctx);
    // Every outcome after the call has returned, as the flow's (the hosted page, authLevel "5").
    await Promise.resolve();
    if (ctx.session.done) return;
    const { answer, carrier } = k.found;
    const standardPopup = ctx.data.authPageType === "1";
    const pageOption = standardPopup ? k.pageOption || fetchPageOption(ctx) : undefined;
    // The accessToken is bound to the fingerprint it was fetched with.
    return useNumber({ ...ctx, userInformation: k.userInformation }, answer, carrier, pageOption);
  };

  const methods = {
    prepare,
    prepareAsync: (data: unknown) =>
      new Promise<PrepareResult>((resolve) => {
        prepare(data, { success: resolve, error: resolve });
      }),
    endGetToken() {
      drop();
      core.methods.endGetToken();
    },
  };
  return { run, methods };
}
