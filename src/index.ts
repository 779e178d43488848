/**
 * ESM entry of the browser SDK, for SPAs: `import { YDRZAuthLogin } from "ydrz-jssdk"`.
 * Importing it has no side effects (server-side rendering imports it in Node).
 */
export { YDRZAuthLogin, createAuthLogin } from "./sdk/api";
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
  type ErrorKind,
  type ErrorStage,
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
