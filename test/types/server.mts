// The README's backend example, type-checked as a Node ESM consumer (NodeNext resolution).
import { createServer } from "node:http";
import {
  decryptMsisdn,
  newTimestamp,
  newTraceId,
  signGetTokenInfo,
  tokenValidate,
} from "ydrz-jssdk/server";

const APP_ID = process.env.APP_ID ?? "";
const APP_KEY = process.env.APP_KEY ?? ""; // never sent to the browser
const PRIVATE_KEY_PEM = process.env.PRIVATE_KEY_PEM ?? "";
const API_HOST = process.env.API_HOST; // the emulator's URL in tests; absent: production

async function readJson(req: import("node:http").IncomingMessage): Promise<unknown> {
  let body = "";
  for await (const chunk of req) body += String(chunk);
  return JSON.parse(body || "{}");
}

createServer(async (req, res) => {
  res.setHeader("Content-Type", "application/json");
  if (req.url === "/login/start") {
    // 1. The page asks for signed request data for getTokenInfo.
    const traceId = newTraceId();
    const timestamp = newTimestamp();
    const fields = { appId: APP_ID, traceId, timestamp, version: "2.0" };
    const sign = signGetTokenInfo(fields, APP_KEY);
    res.end(JSON.stringify({ ...fields, sign }));
    return;
  }
  if (req.url === "/login/finish" && req.method === "POST") {
    // 2. The page posts the token and userInformation from the success callback.
    const { token, userInformation } = (await readJson(req)) as Record<string, string>;
    const answer = await tokenValidate({
      appId: APP_ID,
      token: token ?? "",
      userInformation: userInformation ?? "",
      privateKeyPem: PRIVATE_KEY_PEM,
      ...(API_HOST ? { apiHost: API_HOST } : {}),
    });
    if (answer.resultCode !== "103000" || !answer.data?.msisdn) {
      res.statusCode = 401;
      res.end(JSON.stringify({ code: answer.resultCode }));
      return;
    }
    const phone = decryptMsisdn(answer.data.msisdn, APP_KEY);
    res.end(JSON.stringify({ phone }));
    return;
  }
  res.statusCode = 404;
  res.end("{}");
}).listen(3000, "127.0.0.1");
