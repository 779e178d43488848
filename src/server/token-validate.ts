/**
 * The integrator's server side of `tokenValidate`: build and sign the
 * request, POST it with a timeout, and decrypt the number in the answer.
 */
import { createCipheriv, createDecipheriv, createSign } from "node:crypto";
import { joinUrl, PATHS, PRODUCTION_HOSTS } from "../protocol/hosts";
import { tokenValidateSignInput } from "../protocol/sign-input";
import type {
  TokenValidateHeaders,
  TokenValidateRequest,
  TokenValidateResponse,
} from "../protocol/wire";
import { newTimestamp, newTraceId } from "./ids";

export interface TokenValidateParams {
  appId: string;
  /** The token the SDK's success callback delivered. */
  token: string;
  /** Exactly as the SDK returned it: never URL-decode it (the gateway checks it as is). */
  userInformation: string;
  expandParams?: string;
  /** The app's RSA private key (PEM); its public key is registered with the app. */
  privateKeyPem: string;
  /** `interfaceVersion` header, also part of the sign. Default "2.0". */
  version?: string;
  /** Fresh per call unless given (tests pin it to get a known sign). */
  traceId?: string;
  timestamp?: string;
}

export interface TokenValidateRequestParts {
  url: string;
  headers: TokenValidateHeaders & { "Content-Type": string };
  body: TokenValidateRequest;
}

export interface TokenValidateOptions extends TokenValidateParams {
  /** Base of `/h5/onekeylogin/*`; default the production host. The emulator: its URL. */
  apiHost?: string;
  /** Default 8000 ms. */
  timeoutMs?: number;
  signal?: AbortSignal;
  /** Injected for tests; default the global fetch. */
  fetch?: typeof fetch;
}

export type TokenValidateErrorKind = "timeout" | "aborted" | "network" | "http" | "parse";

/** A transport-level failure; a gateway answer with a non-103000 code is not an error. */
export class TokenValidateError extends Error {
  override name = "TokenValidateError";
  constructor(
    readonly kind: TokenValidateErrorKind,
    message: string,
    readonly status?: number,
    readonly body?: string,
  ) {
    super(message);
  }
}

/** SHA256withRSA over the UTF-8 input, upper-case hex as the gateway expects. */
export function rsaSignUpperHex(input: string, privateKeyPem: string): string {
  return createSign("RSA-SHA256")
    .update(input, "utf8")
    .sign(privateKeyPem)
    .toString("hex")
    .toUpperCase();
}

export function buildTokenValidateRequest(
  p: TokenValidateParams,
  apiHost: string = PRODUCTION_HOSTS.api,
): TokenValidateRequestParts {
  const version = p.version ?? "2.0";
  const traceId = p.traceId ?? newTraceId();
  const timestamp = p.timestamp ?? newTimestamp();
  const sign = rsaSignUpperHex(
    tokenValidateSignInput({ appId: p.appId, traceId, timestamp, token: p.token, version }),
    p.privateKeyPem,
  );
  const body: TokenValidateRequest = { token: p.token, userInformation: p.userInformation, sign };
  if (p.expandParams !== undefined) body.expandParams = p.expandParams;
  return {
    url: joinUrl(apiHost, PATHS.tokenValidate),
    headers: {
      "Content-Type": "application/json;charset=utf-8",
      interfaceVersion: version,
      appId: p.appId,
      traceId,
      timestamp,
      businessType: "8",
    },
    body,
  };
}

export async function tokenValidate(options: TokenValidateOptions): Promise<TokenValidateResponse> {
  const req = buildTokenValidateRequest(options, options.apiHost);
  const doFetch = options.fetch ?? fetch;
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, options.timeoutMs ?? 8000);
  const onAbort = () => controller.abort();
  options.signal?.addEventListener("abort", onAbort, { once: true });
  if (options.signal?.aborted) controller.abort();
  try {
    let res: Response;
    let text: string;
    try {
      res = await doFetch(req.url, {
        method: "POST",
        headers: req.headers as unknown as Record<string, string>,
        body: JSON.stringify(req.body),
        signal: controller.signal,
      });
      text = await res.text();
    } catch (e) {
      if (timedOut)
        throw new TokenValidateError(
          "timeout",
          `tokenValidate timed out after ${options.timeoutMs ?? 8000} ms`,
        );
      if (controller.signal.aborted)
        throw new TokenValidateError("aborted", "tokenValidate aborted");
      throw new TokenValidateError("network", `tokenValidate failed: ${(e as Error).message}`);
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      throw new TokenValidateError(
        res.ok ? "parse" : "http",
        `tokenValidate answered HTTP ${res.status} with a non-JSON body`,
        res.status,
        text,
      );
    }
    if (
      !parsed ||
      typeof parsed !== "object" ||
      typeof (parsed as { resultCode?: unknown }).resultCode !== "string"
    ) {
      throw new TokenValidateError(
        res.ok ? "parse" : "http",
        `tokenValidate answered HTTP ${res.status} without a resultCode`,
        res.status,
        text,
      );
    }
    return parsed as TokenValidateResponse;
  } finally {
    clearTimeout(timer);
    options.signal?.removeEventListener("abort", onAbort);
  }
}

/** The msisdn key: the appKey's first 16 characters, right-padded with "0" when shorter. */
export function msisdnKey(appKey: string): Buffer {
  return Buffer.from(appKey.slice(0, 16).padEnd(16, "0"), "utf8").subarray(0, 16);
}

/** Decrypts `data.msisdn`: AES-128-ECB, PKCS7, Base64, key from the appKey. */
export function decryptMsisdn(msisdn: string, appKey: string): string {
  const decipher = createDecipheriv("aes-128-ecb", msisdnKey(appKey), null);
  return Buffer.concat([decipher.update(Buffer.from(msisdn, "base64")), decipher.final()]).toString(
    "utf8",
  );
}

/** The inverse of `decryptMsisdn` (the gateway's side; the emulator uses it). */
export function encryptMsisdn(phone: string, appKey: string): string {
  const cipher = createCipheriv("aes-128-ecb", msisdnKey(appKey), null);
  return Buffer.concat([cipher.update(phone, "utf8"), cipher.final()]).toString("base64");
}
