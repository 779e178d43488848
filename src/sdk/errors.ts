/**
 * Failure payloads and the `Error` subclass of the promise API. The callback API hands plain
 * payload objects to `error`; the promise API rejects with a `YDRZError` that carries the same
 * fields, so integrators can branch on `err.code` / `err.YDData` without unwrapping.
 */

import type { CarrierResult, CodeError, ErrorPayload, FetchFailure, Timing } from "./types";

/** A `{code, message}` pair from src/protocol/codes.ts. */
export interface CodeText {
  readonly code: string;
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

/** Rejection value of `getToken`: the error payload as an `Error` (name "YDRZError"). */
export class YDRZError extends Error {
  override readonly name = "YDRZError";
  /** The payload the callback API would have passed to `error`. */
  declare readonly payload: ErrorPayload;
  declare readonly msgId: string;
  declare readonly code?: string;
  declare readonly field?: string;
  declare readonly YDData?: CarrierResult;
  declare readonly CTData?: CarrierResult;
  declare readonly CUData?: CarrierResult;
  declare readonly timing?: Timing;

  constructor(payload: ErrorPayload) {
    super(messageOf(payload));
    Object.assign(this, payload, { payload });
  }
}
