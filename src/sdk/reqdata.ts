/**
 * The encrypted body of the CT/CU step 1 (docs/protocol.md): a random `encrypted` seed, and
 * `reqdata` = AES-128-CBC(JSON) keyed from MD5(seed). The key travels with the message, so this
 * is obfuscation the gateway expects, not secrecy.
 */

import { crossCarrierSignInput, REQDATA_IV, reqdataKeyFromMd5Hex } from "../protocol/sign-input";
import type { PhonescripReqdata, PhonescripRequest } from "../protocol/wire";
import { aesCbcHex, md5Hex, randomString } from "./crypto";

/**
 * The official SDK's rule: "0" for any agent naming Linux or Android (case as written, so desktop
 * Linux too), "1" for an iOS device agent ("(iPhone; CPU iPhone OS … like Mac OS X", iPad, iPod),
 * "3" for anything else, iPadOS in desktop mode ("Macintosh") included.
 */
export function mobileSystem(userAgent: string): PhonescripReqdata["mobilesystem"] {
  if (/Linux|Android/.test(userAgent)) return "0";
  if (/\(i[^;]+;( U;)? CPU.+Mac OS X/.test(userAgent)) return "1";
  return "3";
}

export interface ReqdataInput {
  appId: string;
  version: string;
  msgId: string;
  timestamp: string;
  businessType: string;
  userAgent: string;
}

export function buildPhonescripRequest(
  input: ReqdataInput,
  random: () => number,
): PhonescripRequest {
  const plain: PhonescripReqdata = {
    ver: "1.0",
    appId: input.appId,
    interfaceVersion: input.version,
    expandParams: "",
    msgId: input.msgId,
    timestamp: input.timestamp,
    mobilesystem: mobileSystem(input.userAgent),
    sign: md5Hex(crossCarrierSignInput(input)),
  };
  const encrypted = randomString({ alphabet: 16, length: 16, random });
  const key = reqdataKeyFromMd5Hex(md5Hex(encrypted));
  return {
    encrypted,
    reqdata: aesCbcHex(JSON.stringify(plain), key, REQDATA_IV),
    businessType: input.businessType,
  };
}
