/**
 * `POST /h5/onekeylogin/tokenValidate` (docs/protocol.md), server to server: verifies the
 * SHA256withRSA sign with the app's registered public key and the userInformation byte for byte,
 * then returns the number AES-128-ECB encrypted with the appKey.
 */
import { OK } from "../protocol/codes";
import { PATHS } from "../protocol/hosts";
import type { TokenValidateResponse } from "../protocol/wire";
import { encryptMsisdn } from "../server/token-validate";
import { checkTimestamp, checkTokenValidate, describe, failure } from "./checks";
import {
  checkEnv,
  flatFailure,
  headerValue,
  parseJsonObject,
  str,
  type ProtocolRoute,
  tokenSuccessRecord,
} from "./route";

export const tokenValidateRoute: ProtocolRoute = {
  id: "tokenValidate",
  method: "POST",
  path: PATHS.tokenValidate,
  malformed: '{"resultCode":"103000","desc":"成功","data":{"msisdn":"',
  shape(code, desc) {
    return { json: { resultCode: code, desc } };
  },
  handle(ctx) {
    const appId = headerValue(ctx, "appId");
    const traceId = headerValue(ctx, "traceId");
    const type = headerValue(ctx, "content-type") ?? "";
    // Seed 003 FAQ 8: anything but a JSON POST is an "inner error" at the real gateway.
    if (!/^application\/json\b/i.test(type.trim())) {
      const reason = `Content-Type must be application/json, got "${type.slice(0, 60)}"`;
      return flatFailure(failure("validate", "103005", reason, 400), appId, traceId);
    }
    const parsed = parseJsonObject(ctx.body);
    if (!parsed.ok) {
      return flatFailure(failure("validate", "103005", parsed.reason, 400), appId, traceId);
    }
    const body = parsed.body;
    const checked = checkTokenValidate(checkEnv(ctx), body, ctx.headers, ctx.remoteAddress);
    if (!checked.ok) return flatFailure(checked.failure, appId, traceId);
    // The signed timestamp must be fresh like every other request's (±timestampWindowMs on the
    // emulator's clock): a captured request cannot be replayed later. Its token is single use.
    const stale = checkTimestamp(
      "validate",
      "105112",
      headerValue(ctx, "timestamp")!,
      checkEnv(ctx),
    );
    if (stale) return flatFailure(stale, appId, traceId);
    const result = ctx.state.tokens.validate({
      token: body.token as string,
      appId: checked.app.appId,
      userInformation: body.userInformation as string,
    });
    if (!result.ok) {
      const a = flatFailure(
        { code: result.code, desc: `${describe("validate", result.code)}: ${result.reason}` },
        appId,
        traceId,
      );
      const t = ctx.state.tokens.getToken(body.token as string);
      if (t) Object.assign(a.record!, { carrier: t.carrier, maskPhone: t.maskPhone });
      return a;
    }
    const t = result.value;
    const json: TokenValidateResponse = {
      resultCode: OK,
      desc: "成功",
      data: {
        msisdn: encryptMsisdn(t.phone, checked.app.appKey),
        securityPhone: t.maskPhone,
        expandParams: str(body.expandParams) ?? t.expandParams,
      },
    };
    return {
      json,
      record: {
        ...tokenSuccessRecord({ appId: checked.app.appId, traceId: checked.traceId }, t),
        billable: true,
      },
    };
  },
};
