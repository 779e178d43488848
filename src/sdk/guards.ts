/**
 * Type guards for what `success` and `error` receive (the npm module's; the `<script>` build has
 * no use for them). Each takes any value and checks the fields that set its payload apart.
 */

import type {
  AccessTokenSuccess,
  CodeError,
  FetchFailure,
  LayerLoaded,
  TokenSuccess,
} from "./types";

function fieldOf(value: unknown, name: string): unknown {
  if (typeof value !== "object" || value === null) return undefined;
  return (value as Record<string, unknown>)[name];
}

/**
 * The final token for the integrator's server (`res.token`, `res.userInformation`).
 *
 * @example
 * success: (res) => { if (isTokenSuccess(res)) sendToServer(res.token, res.userInformation); }
 */
export function isTokenSuccess(res: unknown): res is TokenSuccess {
  return typeof fieldOf(res, "token") === "string";
}

/** The accessToken of an authLevel "5" flow (the integrator's own view calls `authGetToken`). */
export function isAccessTokenSuccess(res: unknown): res is AccessTokenSuccess {
  return typeof fieldOf(res, "accessToken") === "string";
}

/** Not final: the custom popup without mask is drawn ("弹窗加载成功"). */
export function isLayerLoaded(res: unknown): res is LayerLoaded {
  return fieldOf(res, "message") === "弹窗加载成功";
}

/** Every carrier failed to fetch the number: `YDData`, `CTData`, `CUData`. */
export function isFetchFailure(res: unknown): res is FetchFailure {
  return typeof fieldOf(res, "YDData") === "object" && fieldOf(res, "YDData") !== null;
}

/**
 * A failure with one `code` (see docs/errors.md).
 *
 * @example
 * error: (res) => { if (isCodeError(res) && res.code === "501") showSmsLogin(); }
 */
export function isCodeError(res: unknown): res is CodeError {
  return typeof fieldOf(res, "code") === "string" && !isFetchFailure(res);
}
