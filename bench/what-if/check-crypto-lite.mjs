// `node bench/what-if/check-crypto-lite.mjs`: the what-if crypto against node:crypto.
import { createCipheriv, createHash } from "node:crypto";
import { aesCbcHex, base64Utf8, md5Hex } from "./crypto-lite.mjs";

let bad = 0;
const check = (what, got, want) => {
  if (got !== want) {
    bad++;
    console.log(`FAIL ${what}\n  got  ${got}\n  want ${want}`);
  }
};
const samples = ["", "a", "abc", "message digest", "中文@@Mozilla/5.0", "x".repeat(55), "y".repeat(56), "z".repeat(64), "w".repeat(1000)];
for (const s of samples) {
  check(`md5 ${s.slice(0, 20)}`, md5Hex(s), createHash("md5").update(s, "utf8").digest("hex"));
  const key = createHash("md5").update(s + "k").digest("hex").substr(8, 16).toUpperCase();
  const iv = "0000000000000000";
  const c = createCipheriv("aes-128-cbc", Buffer.from(key, "utf8"), Buffer.from(iv, "utf8"));
  check(`aes ${s.slice(0, 20)}`, aesCbcHex(s, key, iv), Buffer.concat([c.update(s, "utf8"), c.final()]).toString("hex"));
  check(`base64 ${s.slice(0, 20)}`, base64Utf8(s), Buffer.from(s, "utf8").toString("base64"));
}
console.log(bad ? `${bad} mismatches` : `crypto-lite matches node:crypto on ${samples.length} samples`);
process.exitCode = bad ? 1 : 0;
