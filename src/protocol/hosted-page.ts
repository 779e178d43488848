/**
 * What the official SDK loads besides the API calls (docs/protocol.md "Hosted page", "Log
 * reports", "Images"): the gateway's hosted authorization page and its query and messages, the
 * log endpoint and the popup's images. Shared by the emulator and the SDK's hosted-page mode;
 * nothing here is in the SDK's bundle unless it imports it.
 */

/** Where a gateway serves its hosted page; number fetches answer it as `authPageUrl`. */
export const HOSTED_PAGE_PATH = "/h5/onekeylogin/authPage";

/** The official SDK's log host (always production, even with `isTest`). */
export const LOG_HOST = "https://log-h5.cmpassport.com:9443";

/** `POST` of a text/plain JSON log report; its answer is never read. */
export const LOG_REPORT_PATH = "/log/logReport";

/** The directory of the popup's images on the api host. */
export const SDK_IMAGE_DIR = "/h5/js/jssdk_auth/image/";

/** The images the official popup and its stylesheet load from SDK_IMAGE_DIR. */
export const SDK_IMAGES = ["closeIcon.png", "del.png", "loading.png"] as const;

/** The file name of one of SDK_IMAGES. */
export type SdkImageName = (typeof SDK_IMAGES)[number];

/**
 * The only origins whose messages the official SDK accepts from the hosted page. A page served
 * anywhere else is never heard by it (our SDK takes the origin of the `authPageUrl` it opened).
 */
export const OFFICIAL_PAGE_ORIGINS = [
  "https://www.cmpassport.com",
  "https://testcert.cmpassport.com:7002",
  "http://120.197.235.102",
] as const;

/** The value of the `v` query parameter the official SDK v20211103 sends. */
export const HOSTED_PAGE_VERSION = "20211103";

/**
 * The query the SDK appends to `authPageUrl` (after a `?`), in this order. The official SDK
 * concatenates the values without encoding them: `maskPhone` keeps its `*`, `userInformation` is
 * the fingerprint as the SDK holds it (already percent-encoded), a missing value is the text
 * `undefined`, and the browser percent-encodes what is not ASCII (e.g. `authName`).
 */
export const HOSTED_PAGE_QUERY = [
  "traceId",
  "accessToken",
  "maskPhone",
  "authLevel",
  "authName",
  "userInformation",
  "appId",
  "expandParams",
  "isTest",
  "oper",
  "from",
  "authPageType",
  "v",
] as const;

/** The hosted page's query by name (see HOSTED_PAGE_QUERY for the order and encoding). */
export type HostedPageQuery = Record<(typeof HOSTED_PAGE_QUERY)[number], string>;

/**
 * What the hosted page posts to its parent (target origin: the `from` parameter) when it ends:
 * exactly one message per page. `code` "103000" is a login; anything else a failure.
 */
export interface HostedPageResult {
  /** "103000" with a token; "501" when the user closed the page; a gateway code otherwise. */
  code: string;
  /** The text for the code (the gateway's `desc`, or the page's own). */
  message: string;
  /** The traceId of the flow (the `traceId` parameter). */
  msgId: string;
  /** On success: the token for the integrator's server. */
  token?: string;
  /** On success: the fingerprint exactly as received, for tokenValidate. */
  userInformation?: string;
}
