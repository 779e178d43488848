// `npm run sri`: the integrity attribute of the built <script> file (run `npm run build` first),
// for the README's CDN snippet: the SHA-384 of the exact bytes that the CDN serves.
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";

const file = new URL("../dist/ydrz-jssdk.umd.js", import.meta.url);
const digest = createHash("sha384").update(readFileSync(file)).digest("base64");
console.log(`integrity="sha384-${digest}" crossorigin="anonymous"`);
