// The whole three-party flow per carrier, with the integrator's side done by src/server exactly as
// a backend would: sign the request, (the browser fetches the number and the token), validate the
// token with an RSA sign, decrypt the number. Also: billing counts only the returned numbers.
import { describe, expect, it } from "vitest";
import {
  decryptMsisdn,
  generateRsaKeyPair,
  newTimestamp,
  newTraceId,
  signGetTokenInfo,
  tokenValidate,
} from "../../../src/server/index";
import {
  APP_ID,
  APP_KEY,
  authGetToken,
  crossFlow,
  http,
  md5,
  preGet,
  start,
  USER_INFO,
} from "./support";

const pair = generateRsaKeyPair(1024);

describe("the whole flow with the server helpers", () => {
  it.each([
    ["CM", "cm", "13800001234"],
    ["CT", "ct", "18900005678"],
    ["CU", "cu", "18600004321"],
  ] as const)(
    "%s: sign → number → token → tokenValidate → number",
    async (carrier, sim, number) => {
      const emu = await start();
      emu.state.registry.patch(APP_ID, { rsaPublicKey: pair.publicKeyPem });

      // Integrator's server: the request sign (the appKey stays on the server).
      const traceId = newTraceId();
      const timestamp = newTimestamp(new Date(emu.state.now()));
      const sign = signGetTokenInfo({ appId: APP_ID, traceId, timestamp, version: "2.0" }, APP_KEY);

      // Browser: the CM pre-fetch names the SIM for the whole flow.
      const cm = await preGet(emu, {
        version: "2.0",
        timestamp,
        appId: APP_ID,
        businessType: "8",
        traceId,
        msgId: traceId,
        sign,
        authPageType: "1",
        userInformation: USER_INFO,
        expandParams: `sim=${sim}`,
      });
      let accessToken: string;
      let maskPhone: string;
      if (carrier === "CM") {
        expect(cm.json.body.resultCode).toBe("103000");
        ({ accessToken, maskPhone } = cm.json.body);
      } else {
        expect(cm.json.body).toMatchObject({ resultCode: "105002", msisdnOwner: carrier });
        const f = await crossFlow(emu, carrier, traceId);
        expect(f.s3!.json.resultCode).toBe("103000");
        ({ accessToken, maskPhone } = f.s3!.json);
      }
      expect(maskPhone).toBe(number.slice(0, 3) + "****" + number.slice(7));
      const digits = number.slice(3, 7);
      const token = (
        await authGetToken(emu, traceId, {
          accessToken,
          phone: md5(maskPhone.replace("****", digits)),
        })
      ).json.data.token;

      // Integrator's server again.
      const res = await tokenValidate({
        apiHost: emu.url,
        appId: APP_ID,
        token,
        userInformation: USER_INFO,
        privateKeyPem: pair.privateKeyPem,
      });
      expect(res).toMatchObject({ resultCode: "103000", data: { securityPhone: maskPhone } });
      expect(decryptMsisdn(res.data!.msisdn!, APP_KEY)).toBe(number);

      const again = await tokenValidate({
        apiHost: emu.url,
        appId: APP_ID,
        token,
        userInformation: USER_INFO,
        privateKeyPem: pair.privateKeyPem,
      });
      expect(again.resultCode).toBe("104007");

      const stats = (await http(emu.url + "/__emulator/stats")).json.apps[APP_ID];
      expect(stats.billable).toBe(1);
      const records = emu.state.records.list({ traceId });
      expect(records.map((r) => r.endpoint)).toEqual(
        carrier === "CM"
          ? ["preGetMobile", "authGetToken"]
          : [
              "preGetMobile",
              `${carrier.toLowerCase()}Phonescrip`,
              `${carrier.toLowerCase()}Gateway`,
              `${carrier.toLowerCase()}Callback`,
              "authGetToken",
            ],
      );
      expect(
        records.every((r) => r.carrier === (r.endpoint === "preGetMobile" ? "CM" : carrier)),
      ).toBe(true);
    },
  );
});
