// The SDK's own MD5 / AES-128-CBC / Base64: known answers, node:crypto on the protocol's own
// inputs, and crypto-js (what the original SDK runs) byte for byte on random inputs.
import { describe, expect, it } from "vitest";
import { createCipheriv, createDecipheriv, createHash, randomBytes } from "node:crypto";
import CryptoAES from "crypto-js/aes";
import CryptoBase64 from "crypto-js/enc-base64";
import CryptoHex from "crypto-js/enc-hex";
import CryptoUtf8 from "crypto-js/enc-utf8";
import CryptoMD5 from "crypto-js/md5";
import {
  crossCarrierSignInput,
  REQDATA_IV,
  requestSignInput,
} from "../../../src/protocol/sign-input";
import { aesCbcHex, base64Utf8, md5Hex } from "../../../src/sdk/crypto";
import { buildPhonescripRequest, mobileSystem } from "../../../src/sdk/reqdata";

const md5 = (s: string) => createHash("md5").update(s, "utf8").digest("hex");

describe("md5Hex", () => {
  it("matches RFC 1321 vectors", () => {
    expect(md5Hex("")).toBe("d41d8cd98f00b204e9800998ecf8427e");
    expect(md5Hex("abc")).toBe("900150983cd24fb0d6963f7d28e17f72");
  });

  it("computes the getTokenInfo request sign exactly as node:crypto does", () => {
    const input = requestSignInput(
      {
        appId: "300011",
        businessType: "8",
        msgId: "trace-1",
        timestamp: "20260101120000000",
        traceId: "trace-1",
        version: "2.0",
      },
      "APPKEY-秘钥",
    );
    expect(input).toBe("3000118trace-120260101120000000trace-12.0APPKEY-秘钥");
    expect(md5Hex(input)).toBe(md5(input));
  });

  it("hashes the completed phone number as authGetToken's phone field", () => {
    expect(md5Hex("13800001234")).toBe(md5("13800001234"));
    expect(md5Hex("13800001234")).toMatch(/^[0-9a-f]{32}$/);
  });
});

describe("reqdata (CT/CU step 1)", () => {
  const input = {
    appId: "300011",
    version: "2.0",
    msgId: "trace-1",
    timestamp: "20260101120000000",
    businessType: "8",
    userAgent: "Mozilla/5.0 (Linux; Android 13)",
  };

  it("decrypts with node:crypto AES-128-CBC, key MD5(encrypted)[8..24] upper-cased, IV of ASCII zeros", () => {
    let i = 0;
    const seq = [0.1, 0.9, 0.35, 0.6];
    const req = buildPhonescripRequest(input, () => seq[i++ % seq.length]);
    expect(req.encrypted).toMatch(/^[0-9A-F]{16}$/);
    expect(req.businessType).toBe("8");
    const key = Buffer.from(md5(req.encrypted).substr(8, 16).toUpperCase(), "utf8");
    const decipher = createDecipheriv("aes-128-cbc", key, Buffer.from("0000000000000000", "utf8"));
    const plain = Buffer.concat([
      decipher.update(Buffer.from(req.reqdata, "hex")),
      decipher.final(),
    ]).toString("utf8");
    expect(JSON.parse(plain)).toEqual({
      ver: "1.0",
      appId: "300011",
      interfaceVersion: "2.0",
      expandParams: "",
      msgId: "trace-1",
      timestamp: "20260101120000000",
      mobilesystem: "0",
      sign: md5("300011" + "2.0" + "trace-1" + "20260101120000000"),
    });
    expect(JSON.parse(plain).sign).toBe(
      md5(
        crossCarrierSignInput({
          appId: "300011",
          version: "2.0",
          msgId: "trace-1",
          timestamp: "20260101120000000",
        }),
      ),
    );
  });

  it("is a fixed known answer for a fixed seed", () => {
    // Vectors computed once with node:crypto (aes-128-cbc, PKCS7), kept as literals.
    expect(aesCbcHex('{"ver":"1.0"}', "0123456789ABCDEF", REQDATA_IV)).toBe(
      "67aaaa836e8f4ab6b4bd13826458b7a6",
    );
    const req = buildPhonescripRequest(input, () => 0.1);
    expect(req.encrypted).toBe("1111111111111111");
    expect(md5(req.encrypted).substr(8, 16).toUpperCase()).toBe("8A879DE9A4CD9995");
    expect(req.reqdata).toBe(
      "cc1c53b7033a6e38ffa16476967582ce143c7d581413575a0b5a90569b7d61db837d2f0109aad4f37a56b961cca6a41287bd8fd28d2012c0654aa049da452c36" +
        "b606b675f40ef4dee87430e8bb08ebde4590b1b1f01f38c05f2d9f7a21e7a4730cc3dd5e825be510cbeca471af6b315fc024c7de11d2ff8a55c52190b097103f" +
        "f080d04119fa978fe7940e528881d09235be5b6dd4d5bf60f589f76cf4eb1024d60546c326af1da5bc4a0f1cb892f2a66b2ff0993384f53026d8b12ffa85e683",
    );
  });

  it("draws a different seed for different random values", () => {
    const a = buildPhonescripRequest(input, () => 0.1);
    const b = buildPhonescripRequest(input, () => 0.7);
    expect(a.encrypted).toBe("1111111111111111");
    expect(b.encrypted).toBe("BBBBBBBBBBBBBBBB");
    expect(a.reqdata).not.toBe(b.reqdata);
  });

  it.each([
    ["Mozilla/5.0 (Linux; Android 14; Pixel 8)", "0"],
    ["Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X)", "1"],
    ["Mozilla/5.0 (iPad; CPU OS 16_0 like Mac OS X)", "1"],
    ["Mozilla/5.0 (Windows NT 10.0; Win64; x64)", "3"],
  ])("mobilesystem of %s is %s", (ua, expected) => {
    expect(mobileSystem(ua)).toBe(expected);
  });
});

describe("base64Utf8", () => {
  it("encodes UTF-8 bytes like Buffer does", () => {
    const s = "Linux x86_64@@Mozilla/5.0 中文@@abc";
    expect(base64Utf8(s)).toBe(Buffer.from(s, "utf8").toString("base64"));
  });
});

describe("against crypto-js and node:crypto on random inputs", () => {
  // Random strings over ASCII, CJK and astral characters, of every length around the block and
  // padding edges (55/56/64 bytes for MD5, multiples of 16 for AES).
  const alphabet = ["a", "Z", "0", "@", " ", "中", "号", "é", "😀", "\u00ff"];
  const text = (n: number): string =>
    Array.from(randomBytes(n), (b) => alphabet[b % alphabet.length]).join("");
  const samples = [
    ...Array.from({ length: 130 }, (_, n) => "x".repeat(n)),
    ...Array.from({ length: 200 }, (_, i) => text(i % 90)),
  ];

  it("md5Hex equals crypto-js MD5 and node:crypto md5", () => {
    for (const s of samples) {
      expect(md5Hex(s)).toBe(CryptoMD5(s).toString(CryptoHex));
      expect(md5Hex(s)).toBe(md5(s));
    }
  });

  it("aesCbcHex equals crypto-js AES-CBC/PKCS7 and node:crypto aes-128-cbc", () => {
    for (const s of samples) {
      const key = md5(s + "k")
        .substr(8, 16)
        .toUpperCase();
      const expected = CryptoAES.encrypt(CryptoUtf8.parse(s), CryptoUtf8.parse(key), {
        iv: CryptoUtf8.parse(REQDATA_IV),
      }).ciphertext.toString(CryptoHex);
      expect(aesCbcHex(s, key, REQDATA_IV)).toBe(expected);
      const c = createCipheriv(
        "aes-128-cbc",
        Buffer.from(key, "utf8"),
        Buffer.from(REQDATA_IV, "utf8"),
      );
      expect(aesCbcHex(s, key, REQDATA_IV)).toBe(
        Buffer.concat([c.update(s, "utf8"), c.final()]).toString("hex"),
      );
    }
  });

  it("base64Utf8 equals crypto-js Base64 of UTF-8", () => {
    for (const s of samples)
      expect(base64Utf8(s)).toBe(CryptoBase64.stringify(CryptoUtf8.parse(s)));
  });
});
