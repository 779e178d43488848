/**
 * The MD5 request sign that `getTokenInfo`  carries. It is computed on the
 * integrator's server because it includes the appKey, which must never reach the browser.
 */
import { createHash } from "node:crypto";
import { requestSignInput, type RequestSignFields } from "../protocol/sign-input";

export interface GetTokenInfoSignFields {
  appId: string;
  traceId: string;
  timestamp: string;
  /** `data.version` of `getTokenInfo`, "2.0" today. */
  version: string;
  /** Defaults to "8", the only business type of this product. */
  businessType?: string;
}

export function md5Hex(input: string): string {
  return createHash("md5").update(input, "utf8").digest("hex");
}

/**
 * `MD5(appId + businessType + msgId + timestamp + traceId + version + appKey)`, lowercase hex.
 * msgId is forced to traceId because the SDK sends traceId as msgId and the gateway signs that.
 */
export function signGetTokenInfo(fields: GetTokenInfoSignFields, appKey: string): string {
  const f: RequestSignFields = {
    appId: fields.appId,
    businessType: fields.businessType ?? "8",
    msgId: fields.traceId,
    timestamp: fields.timestamp,
    traceId: fields.traceId,
    version: fields.version,
  };
  return md5Hex(requestSignInput(f, appKey));
}
