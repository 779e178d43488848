/**
 * The integrator's business backend, as small as it can honestly be: it signs getTokenInfo
 * requests (the appKey stays here) and turns a token into a phone number with tokenValidate.
 */
import { parseTimestamp } from "../src/protocol/timestamp";
import {
  decryptMsisdn,
  newTimestamp,
  newTraceId,
  signGetTokenInfo,
  tokenValidate,
  TokenValidateError,
} from "../src/server/index";
import type { DemoApp, DemoApps } from "./apps";
import type { DemoAppName } from "./pages";
import { HttpError } from "./http";

export const SIGN_VERSION = "2.0";
export const BUSINESS_TYPE = "8";

/** traceId travels in HTTP headers (CT/CU steps, tokenValidate): keep it header-safe. */
const TRACE_ID = /^[0-9A-Za-z_-]{1,64}$/;
/** Tokens and fingerprints are opaque, but never huge and never control characters. */
const PRINTABLE = /^[\x21-\x7e]+$/;

function pickApp(apps: DemoApps, value: unknown): DemoApp {
  if (value === undefined || value === null || value === "") return apps.default;
  if (typeof value === "string" && Object.prototype.hasOwnProperty.call(apps, value))
    return apps[value as DemoAppName];
  throw new HttpError(400, "bad_app", `app must be one of ${Object.keys(apps).join(", ")}`);
}

function optionalString(body: Record<string, unknown>, field: string): string | undefined {
  const v = body[field];
  if (v === undefined || v === null || v === "") return undefined;
  if (typeof v !== "string") throw new HttpError(400, "bad_" + field, `${field} must be a string`);
  return v;
}

export interface SignResponse {
  appId: string;
  traceId: string;
  timestamp: string;
  sign: string;
  version: string;
  businessType: string;
}

/**
 * `POST /api/sign`. The page may bring its own traceId/timestamp (the seed has the integrator
 * generate them); otherwise the server makes them. `scenario: "bad-sign"` signs with a wrong key
 * so that the demo can show the gateway's 103101.
 */
export function handleSign(body: Record<string, unknown>, apps: DemoApps): SignResponse {
  const app = pickApp(apps, body.app);
  const traceId = optionalString(body, "traceId") ?? newTraceId();
  if (!TRACE_ID.test(traceId))
    throw new HttpError(400, "bad_traceId", "traceId must be 1-64 characters of [0-9A-Za-z_-]");
  const timestamp = optionalString(body, "timestamp") ?? newTimestamp();
  if (!parseTimestamp(timestamp))
    throw new HttpError(400, "bad_timestamp", "timestamp must be 17 digits yyyyMMddHHmmssSSS");
  const scenario = optionalString(body, "scenario");
  if (scenario !== undefined && scenario !== "bad-sign")
    throw new HttpError(400, "bad_scenario", 'scenario must be "bad-sign" or absent');
  const key = scenario === "bad-sign" ? "not-the-app-key" : app.appKey;
  const sign = signGetTokenInfo(
    { appId: app.appId, traceId, timestamp, version: SIGN_VERSION, businessType: BUSINESS_TYPE },
    key,
  );
  return {
    appId: app.appId,
    traceId,
    timestamp,
    sign,
    version: SIGN_VERSION,
    businessType: BUSINESS_TYPE,
  };
}

export type LoginResult =
  | { status: 200; body: { phone: string; securityPhone: string; resultCode: "103000" } }
  | { status: number; body: { resultCode: string; desc: string } }
  | { status: number; body: { error: string; message: string } };

/**
 * `POST /api/login`. `userInformation` is handed to tokenValidate exactly as the SDK produced it:
 * it is URL-encoded Base64 (`%3D` etc.) and the gateway compares it byte for byte, so decoding it
 * here — the usual reflex with something that looks like a URL parameter — makes validation fail
 * (seed 003 FAQ 6). JSON transports it unchanged; nothing on this path may decode it.
 */
export async function handleLogin(
  body: Record<string, unknown>,
  apps: DemoApps,
  apiHost: string,
): Promise<LoginResult> {
  const app = pickApp(apps, body.app);
  const token = body.token;
  const userInformation = body.userInformation;
  if (typeof token !== "string" || token === "")
    throw new HttpError(400, "missing_token", "token is required (a non-empty string)");
  if (token.length > 512 || !PRINTABLE.test(token))
    throw new HttpError(400, "bad_token", "token must be at most 512 printable ASCII characters");
  if (typeof userInformation !== "string" || userInformation === "") {
    throw new HttpError(
      400,
      "missing_userInformation",
      "userInformation is required (the SDK's value, unchanged)",
    );
  }
  if (userInformation.length > 4096 || !PRINTABLE.test(userInformation)) {
    throw new HttpError(
      400,
      "bad_userInformation",
      "userInformation must be at most 4096 printable ASCII characters",
    );
  }
  const expandParams = optionalString(body, "expandParams");

  let answer;
  try {
    answer = await tokenValidate({
      apiHost,
      appId: app.appId,
      token,
      userInformation,
      ...(expandParams !== undefined ? { expandParams } : {}),
      privateKeyPem: app.privateKeyPem,
      timeoutMs: 8000,
    });
  } catch (e) {
    const message = e instanceof TokenValidateError ? e.message : "tokenValidate failed";
    return { status: 502, body: { error: "gateway_unavailable", message } };
  }
  if (answer.resultCode !== "103000") {
    // The token did not validate: pass the gateway's own code and text on, they say why.
    return {
      status: 401,
      body: { resultCode: answer.resultCode, desc: String(answer.desc ?? "") },
    };
  }
  const msisdn = answer.data?.msisdn;
  if (typeof msisdn !== "string" || msisdn === "") {
    return {
      status: 502,
      body: { error: "bad_gateway_answer", message: "tokenValidate succeeded without data.msisdn" },
    };
  }
  let phone: string;
  try {
    phone = decryptMsisdn(msisdn, app.appKey);
  } catch {
    return {
      status: 502,
      body: { error: "bad_gateway_answer", message: "data.msisdn did not decrypt with the appKey" },
    };
  }
  return {
    status: 200,
    body: { phone, securityPhone: String(answer.data?.securityPhone ?? ""), resultCode: "103000" },
  };
}
