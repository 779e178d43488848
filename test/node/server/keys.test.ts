import { createSign, createVerify } from "node:crypto";
import { describe, expect, it } from "vitest";
import { generateRsaKeyPair, publicKeyBase64, toPublicKey } from "../../../src/server/index";

describe("RSA keys", () => {
  const pair = generateRsaKeyPair(1024);

  it("generates SPKI/PKCS#8 PEM that sign and verify", () => {
    expect(pair.publicKeyPem).toMatch(
      /^-----BEGIN PUBLIC KEY-----\n[\s\S]+\n-----END PUBLIC KEY-----\n$/,
    );
    expect(pair.privateKeyPem).toMatch(/^-----BEGIN PRIVATE KEY-----\n/);
    const sig = createSign("RSA-SHA256").update("x").sign(pair.privateKeyPem);
    expect(createVerify("RSA-SHA256").update("x").verify(pair.publicKeyPem, sig)).toBe(true);
  });

  it("accepts the public key as bare Base64, as consoles take it", () => {
    const b64 = publicKeyBase64(pair.publicKeyPem);
    expect(b64).not.toContain("-----");
    expect(pair.publicKeyPem.replace(/-----[^-]+-----|\s/g, "")).toBe(b64);
    const sig = createSign("RSA-SHA256").update("y").sign(pair.privateKeyPem);
    expect(createVerify("RSA-SHA256").update("y").verify(toPublicKey(b64), sig)).toBe(true);
  });

  it("throws on garbage", () => {
    expect(() => toPublicKey("not a key")).toThrow();
  });
});
