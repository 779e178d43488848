/**
 * Failure payloads and the `Error` subclass of the promise API. The callback API hands plain
 * payload objects to `error`; the promise API rejects with a `YDRZError` that carries the same
 * fields, so integrators can branch on `err.code` / `err.YDData` without unwrapping.
 */

import type {
  Carrier,
  CarrierResult,
  CodeError,
  ErrorKind,
  ErrorPayload,
  ErrorStage,
  FetchFailure,
  Timing,
} from "./types";

/** A `{code, message}` pair from src/protocol/codes.ts. */
export interface CodeText {
  /** The code as payloads carry it. */
  readonly code: string;
  /** Its Chinese text. */
  readonly message: string;
}

/**
 * The payload of a single-code failure. `t` is exactly `{code, message}` (a constant of codes.ts
 * or a gateway's pair); `field` only for 503 参数缺失.
 */
export function codeError(t: CodeText, msgId: string, field?: string): CodeError {
  return { ...t, msgId, field };
}

/** The `Error` message of a payload; a fetch failure has none: its carriers' codes and texts. */
function messageOf(payload: ErrorPayload): string {
  const { message } = payload as CodeError;
  if (message) return message;
  const f = payload as FetchFailure;
  const entries = [f.YDData, f.CTData, f.CUData].map((e) => e.code + " " + e.message);
  return "取号失败 " + entries.join("; ");
}

/**
 * Rejection value of `getToken`: the error payload as an `Error` (name "YDRZError"), with the
 * payload's fields copied onto it, the taxonomy's (`kind`, …) included.
 *
 * @example
 * try { await YDRZAuthLogin.getToken(data); } catch (e) {
 *   if (e instanceof YDRZError && e.sms) showSmsLogin();
 * }
 */
export class YDRZError extends Error {
  /** Always "YDRZError". */
  override readonly name = "YDRZError";
  /** The payload the callback API would have passed to `error`. */
  declare readonly payload: ErrorPayload;
  /** The request's `traceId` ("" when the call had none). */
  declare readonly msgId: string;
  /** A single-code failure's code (docs/errors.md); absent for a fetch failure. */
  declare readonly code?: string;
  /** For 503 参数缺失: the missing field. */
  declare readonly field?: string;
  /** A fetch failure: China Mobile's result. */
  declare readonly YDData?: CarrierResult;
  /** A fetch failure: China Telecom's result. */
  declare readonly CTData?: CarrierResult;
  /** A fetch failure: China Unicom's result. */
  declare readonly CUData?: CarrierResult;
  /** Durations of the call's steps in milliseconds. */
  declare readonly timing?: Timing;
  /** What went wrong, e.g. "network", "cancelled" (docs/errors.md). */
  declare readonly kind?: ErrorKind;
  /** Where it happened: "request", "number", "view" or "token". */
  declare readonly stage?: ErrorStage;
  /** Whether the same call, repeated later, can succeed. */
  declare readonly retryable?: boolean;
  /** Whether to offer the page's SMS login instead. */
  declare readonly sms?: boolean;
  /** The carrier whose result decided a fetch failure. */
  declare readonly carrier?: Carrier;

  /** `payload`: what the callback API passes to `error`. */
  constructor(payload: ErrorPayload) {
    super(messageOf(payload));
    Object.assign(this, payload, { payload });
  }
}
