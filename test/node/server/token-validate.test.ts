import { createDecipheriv, createVerify } from "node:crypto";
import {
  createServer as createHttpServer,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import {
  buildTokenValidateRequest,
  decryptMsisdn,
  encryptMsisdn,
  generateRsaKeyPair,
  rsaSignUpperHex,
  tokenValidate,
  TokenValidateError,
} from "../../../src/server/index";

const pair = generateRsaKeyPair(1024);

describe("rsaSignUpperHex", () => {
  it("is SHA256withRSA (PKCS#1 v1.5) as upper-case hex that verifies with the public key", () => {
    const input = "300011000001" + "trace1" + "20261121130000123" + "STsid123" + "2.0";
    const sig = rsaSignUpperHex(input, pair.privateKeyPem);
    expect(sig).toMatch(/^[0-9A-F]+$/);
    expect(sig.length).toBe(256); // 1024-bit key
    expect(
      createVerify("RSA-SHA256")
        .update(input, "utf8")
        .verify(pair.publicKeyPem, Buffer.from(sig, "hex")),
    ).toBe(true);
    // PKCS#1 v1.5 is deterministic: the same input signs the same.
    expect(rsaSignUpperHex(input, pair.privateKeyPem)).toBe(sig);
  });
});

describe("buildTokenValidateRequest", () => {
  it("builds headers, body and the sign over appId + traceId + timestamp + token + version", () => {
    const r = buildTokenValidateRequest(
      {
        appId: "300011000001",
        token: "STsidABC",
        userInformation: "a%3D%3D",
        privateKeyPem: pair.privateKeyPem,
        traceId: "tr1",
        timestamp: "20261121130000123",
        version: "1.0",
        expandParams: "k=v",
      },
      "http://127.0.0.1:1/",
    );
    expect(r.url).toBe("http://127.0.0.1:1/h5/onekeylogin/tokenValidate");
    expect(r.headers).toEqual({
      "Content-Type": "application/json;charset=utf-8",
      interfaceVersion: "1.0",
      appId: "300011000001",
      traceId: "tr1",
      timestamp: "20261121130000123",
      businessType: "8",
    });
    expect(r.body.token).toBe("STsidABC");
    expect(r.body.userInformation).toBe("a%3D%3D");
    expect(r.body.expandParams).toBe("k=v");
    const ok = createVerify("RSA-SHA256")
      .update("300011000001tr120261121130000123STsidABC1.0")
      .verify(pair.publicKeyPem, Buffer.from(r.body.sign, "hex"));
    expect(ok).toBe(true);
  });

  it("defaults: version 2.0, fresh traceId and timestamp, production host, no expandParams", () => {
    const r = buildTokenValidateRequest({
      appId: "a",
      token: "t",
      userInformation: "u",
      privateKeyPem: pair.privateKeyPem,
    });
    expect(r.url).toBe("https://www.cmpassport.com/h5/onekeylogin/tokenValidate");
    expect(r.headers.interfaceVersion).toBe("2.0");
    expect(r.headers.traceId).toMatch(/^[0-9a-f]{32}$/);
    expect(r.headers.timestamp).toMatch(/^\d{17}$/);
    expect("expandParams" in r.body).toBe(false);
  });
});

describe("decryptMsisdn (AES-128-ECB/PKCS7, Base64, key = appKey[0..16] padded with 0)", () => {
  it("decrypts known vectors", () => {
    // Computed once with node:crypto: key "a7d94bd19aa72cfc" and "abc0000000000000".
    expect(decryptMsisdn("nQb7OZif9aFWPJwd5JZF1A==", "a7d94bd19aa72cfc8f7067a59a53369e")).toBe(
      "13800001234",
    );
    expect(decryptMsisdn("xDU1nMF13lfNgF9tsbbh/Q==", "abc")).toBe("18900005678");
  });

  it("round-trips with encryptMsisdn and matches an independent decipher", () => {
    const enc = encryptMsisdn("18600004321", "0123456789abcdefXYZ");
    const d = createDecipheriv("aes-128-ecb", Buffer.from("0123456789abcdef"), null);
    expect(Buffer.concat([d.update(Buffer.from(enc, "base64")), d.final()]).toString()).toBe(
      "18600004321",
    );
    expect(decryptMsisdn(enc, "0123456789abcdefXYZ")).toBe("18600004321");
  });

  it("throws with the wrong key", () => {
    expect(() => decryptMsisdn("nQb7OZif9aFWPJwd5JZF1A==", "wrongwrongwrong!")).toThrow();
  });
});

describe("tokenValidate client", () => {
  let server: Server | undefined;
  afterEach(async () => {
    server?.closeAllConnections();
    await new Promise<void>((r) => (server ? server.close(() => r()) : r()));
    server = undefined;
  });

  async function serve(
    handler: (req: IncomingMessage, body: string, res: ServerResponse) => void,
  ): Promise<string> {
    server = createHttpServer((req, res) => {
      let body = "";
      req.on("data", (c) => (body += c));
      req.on("end", () => handler(req, body, res));
    });
    await new Promise<void>((r) => server!.listen(0, "127.0.0.1", r));
    return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  }

  const params = {
    appId: "300011000001",
    token: "STsid1",
    userInformation: "u%3D",
    privateKeyPem: pair.privateKeyPem,
  };

  it("POSTs JSON with the protocol headers and returns the typed answer", async () => {
    let seen: { headers: IncomingMessage["headers"]; body: any } | undefined;
    const url = await serve((req, body, res) => {
      seen = { headers: req.headers, body: JSON.parse(body) };
      res.setHeader("Content-Type", "application/json");
      res.end(
        JSON.stringify({
          resultCode: "103000",
          desc: "成功",
          data: { msisdn: "x", securityPhone: "138****1234" },
        }),
      );
    });
    const out = await tokenValidate({ ...params, apiHost: url });
    expect(out.resultCode).toBe("103000");
    expect(out.data?.securityPhone).toBe("138****1234");
    expect(seen!.headers["content-type"]).toBe("application/json;charset=utf-8");
    expect(seen!.headers.appid).toBe("300011000001");
    expect(seen!.headers.businesstype).toBe("8");
    expect(seen!.body).toMatchObject({ token: "STsid1", userInformation: "u%3D" });
    expect(seen!.body.sign).toMatch(/^[0-9A-F]+$/);
  });

  it("times out with a TokenValidateError of kind timeout", async () => {
    const url = await serve(() => {
      /* never answers */
    });
    const err = await tokenValidate({ ...params, apiHost: url, timeoutMs: 50 }).catch((e) => e);
    expect(err).toBeInstanceOf(TokenValidateError);
    expect(err.kind).toBe("timeout");
  });

  it("reports HTTP errors with a non-JSON body and malformed JSON", async () => {
    let mode = "5xx";
    const url = await serve((_req, _b, res) => {
      if (mode === "5xx") {
        res.statusCode = 502;
        res.end("Bad Gateway");
      } else res.end('{"resultCode":');
    });
    const e1 = await tokenValidate({ ...params, apiHost: url }).catch((e) => e);
    expect(e1).toMatchObject({ name: "TokenValidateError", kind: "http", status: 502 });
    mode = "malformed";
    const e2 = await tokenValidate({ ...params, apiHost: url }).catch((e) => e);
    expect(e2).toMatchObject({ kind: "parse", status: 200 });
  });

  it("reports network failures and aborts", async () => {
    const e1 = await tokenValidate({ ...params, apiHost: "http://127.0.0.1:1" }).catch((e) => e);
    expect(e1).toMatchObject({ kind: "network" });
    const url = await serve(() => {});
    const ac = new AbortController();
    const p = tokenValidate({ ...params, apiHost: url, signal: ac.signal }).catch((e) => e);
    ac.abort();
    expect(await p).toMatchObject({ kind: "aborted" });
  });
});
