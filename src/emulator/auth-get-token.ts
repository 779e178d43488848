/**
 * `POST /h5/onekeylogin/authGetToken` (docs/protocol.md): the accessToken of a number fetch and
 * the number the user typed become a token.
 */
import { OK } from "../protocol/codes";
import { PATHS, PRODUCTION_HOSTS, TEST_HOSTS } from "../protocol/hosts";
import type { AuthGetTokenResponse } from "../protocol/wire";
import { checkAuthGetToken, describe, failure } from "./checks";
import {
  checkEnv,
  headerValue,
  parseJsonObject,
  str,
  verdictRecorder,
  flatFailure,
  publicBaseUrl,
  type ProtocolRoute,
  type RequestContext,
  tokenSuccessRecord,
} from "./route";
import { hostedPageUrl } from "./hosted-page";

/**
 * Where the gateway's own hosted page may be served: the emulator's public address, and the
 * production and test gateway hosts, which a test routes to the emulator for the official SDK.
 */
function ownHostedPages(ctx: RequestContext): string[] {
  const bases = [publicBaseUrl(ctx), PRODUCTION_HOSTS.api, TEST_HOSTS.api];
  return bases.map((base) => hostedPageUrl(base));
}

export const authGetTokenRoute: ProtocolRoute = {
  id: "authGetToken",
  method: "POST",
  path: PATHS.authGetToken,
  malformed: '{"resultCode":"103000","desc":"token获取成功","data":{"token":"STsid',
  shape(code, desc) {
    return { json: { resultCode: code, desc } };
  },
  handle(ctx) {
    const appId = headerValue(ctx, "appId");
    const traceId = headerValue(ctx, "traceId");
    const parsed = parseJsonObject(ctx.body);
    if (!parsed.ok)
      return flatFailure(failure("token", "103002", parsed.reason, 400), appId, traceId);
    const body = parsed.body;
    const checked = checkAuthGetToken(checkEnv(ctx), {
      body,
      headers: ctx.headers,
      onVerdict: verdictRecorder(ctx, "authGetToken", traceId),
      ownPages: ownHostedPages(ctx),
    });
    if (!checked.ok) return flatFailure(checked.failure, appId, traceId);
    const redeemed = ctx.state.tokens.redeem({
      accessToken: body.accessToken as string,
      appId: checked.app.appId,
      phoneHash: body.phone as string,
      userInformation: body.userInformation as string,
      expandParams: str(body.expandParams) ?? "",
    });
    const at = ctx.state.tokens.getAccessToken(body.accessToken as string);
    if (!redeemed.ok) {
      const a = flatFailure(
        { code: redeemed.code, desc: `${describe("token", redeemed.code)}: ${redeemed.reason}` },
        appId,
        traceId,
      );
      if (at)
        Object.assign(a.record!, { carrier: at.carrier, maskPhone: at.maskPhone, simId: at.simId });
      return a;
    }
    const t = redeemed.value;
    const json: AuthGetTokenResponse = {
      resultCode: OK,
      desc: "token获取成功",
      data: { token: t.token },
    };
    return {
      json,
      record: tokenSuccessRecord({ appId: checked.app.appId, traceId: checked.traceId }, t),
    };
  },
};
