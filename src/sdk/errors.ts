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

export function codeError(text: CodeText, msgId: string, field?: string): CodeError {
  const payload: CodeError = { code: text.code, message: text.message, msgId };
  if (field !== undefined) payload.field = field;
  return payload;
}

export function isFetchFailure(payload: ErrorPayload): payload is FetchFailure {
  return "YDData" in payload;
}

function describe(payload: ErrorPayload): string {
  if (!isFetchFailure(payload)) return payload.message;
  const part = (name: string, r: CarrierResult) => `${name} ${r.code} ${r.message}`;
  return `取号失败 (${part("CM", payload.YDData)}; ${part("CT", payload.CTData)}; ${part("CU", payload.CUData)})`;
}

/** Rejection value of `getToken`: the error payload as an `Error` (name "YDRZError"). */
export class YDRZError extends Error {
  override readonly name = "YDRZError";
  /** The payload the callback API would have passed to `error`. */
  readonly payload: ErrorPayload;
  readonly msgId: string;
  readonly code?: string;
  readonly field?: string;
  readonly YDData?: CarrierResult;
  readonly CTData?: CarrierResult;
  readonly CUData?: CarrierResult;
  readonly timing?: Timing;

  constructor(payload: ErrorPayload) {
    super(describe(payload));
    this.payload = payload;
    this.msgId = payload.msgId;
    this.timing = payload.timing;
    if (isFetchFailure(payload)) {
      this.YDData = payload.YDData;
      this.CTData = payload.CTData;
      this.CUData = payload.CUData;
    } else {
      this.code = payload.code;
      this.field = payload.field;
    }
  }
}
