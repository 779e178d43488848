/**
 * RSA keys for `tokenValidate`: the integrator signs with its private key, the gateway verifies
 * with the public key registered for the app. Generating a pair is for local use (the demo, tests);
 * production keys are made once and the public half is given to the carrier console.
 */
import { createPublicKey, generateKeyPairSync, type KeyObject } from "node:crypto";

export interface RsaKeyPairPem {
  /** SPKI, `-----BEGIN PUBLIC KEY-----`. */
  publicKeyPem: string;
  /** PKCS#8, `-----BEGIN PRIVATE KEY-----`. */
  privateKeyPem: string;
}

export function generateRsaKeyPair(modulusLength = 2048): RsaKeyPairPem {
  const { publicKey, privateKey } = generateKeyPairSync("rsa", {
    modulusLength,
    publicKeyEncoding: { type: "spki", format: "pem" },
    privateKeyEncoding: { type: "pkcs8", format: "pem" },
  });
  return { publicKeyPem: publicKey, privateKeyPem: privateKey };
}

/**
 * Consoles usually take the public key as bare Base64 (the PEM body without armour), so both
 * forms are accepted; throws when neither parses.
 */
export function toPublicKey(pemOrBase64: string): KeyObject {
  const text = pemOrBase64.trim();
  if (text.startsWith("-----BEGIN")) return createPublicKey(text);
  const der = Buffer.from(text.replace(/\s+/g, ""), "base64");
  return createPublicKey({ key: der, format: "der", type: "spki" });
}

/** The bare Base64 body of an SPKI public key, as a console form wants it. */
export function publicKeyBase64(publicKeyPem: string): string {
  return toPublicKey(publicKeyPem).export({ type: "spki", format: "der" }).toString("base64");
}
