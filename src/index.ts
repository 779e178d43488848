/**
 * ESM entry of the browser SDK, for SPAs: `import { YDRZAuthLogin } from "ydrz-jssdk"`.
 * Importing it has no side effects (server-side rendering imports it in Node).
 */
import { createAuthLogin as createModuleLogin, type Deps } from "./sdk/api";
import { withFailureKinds } from "./sdk/taxonomy";
import type { AuthLogin } from "./sdk/types";
import type { PrepareMethods } from "./sdk/prepare";

/**
 * A fresh `YDRZAuthLogin` with its own state; `partialDeps` replaces what it uses of the page
 * (transport, views, clock) in tests. Its failures carry the taxonomy's fields (`kind`, …).
 */
export const createAuthLogin = (partialDeps?: Partial<Deps>): AuthLogin & PrepareMethods =>
  createModuleLogin(partialDeps, withFailureKinds);

/** The ready instance. Creating it touches no global: `window`/`document` are read when used. */
export const YDRZAuthLogin: AuthLogin & PrepareMethods = /*#__PURE__*/ createAuthLogin();

export { YDRZError } from "./sdk/errors";
export {
  isAccessTokenSuccess,
  isCodeError,
  isFetchFailure,
  isLayerLoaded,
  isTokenSuccess,
} from "./sdk/guards";
export {
  codeInfo,
  describeError,
  isRetryable,
  NUMBER_FETCH_CODES,
  SDK_CODES,
  TOKEN_REQUEST_CODES,
  type CodeInfo,
  type ErrorInfo,
} from "./sdk/taxonomy";
export type * from "./sdk/types";
export type { Carrier, GatewayHosts } from "./protocol/hosts";
export { PRODUCTION_HOSTS, TEST_HOSTS } from "./protocol/hosts";
export type {
  PrepareAvailable,
  PrepareCallbacks,
  PrepareMethods,
  PrepareResult,
  PrepareUnavailable,
} from "./sdk/prepare";
