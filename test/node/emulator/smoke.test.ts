import { describe, expect, it } from "vitest";
import { fetchNumber, start, authGetToken, md5, crossFlow, newTrace } from "./support";

describe("smoke", () => {
  it("fetches a number and a token", async () => {
    const emu = await start();
    const { traceId, body, reply } = await fetchNumber(emu);
    expect(reply.status).toBe(200);
    expect(body.resultCode).toBe("103000");
    const t = await authGetToken(emu, traceId, { accessToken: body.accessToken, phone: md5("13800001234") });
    expect(t.json.resultCode).toBe("103000");
    const ct = await crossFlow(emu, "CT", newTrace());
    expect(ct.s3?.json).toMatchObject({ resultCode: "105003" });
  });
});
