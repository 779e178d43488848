/**
 * `POST /log/logReport` (docs/protocol.md "Log reports"): the official SDK posts a text/plain JSON
 * report on every getConnection and at the end of a flow, and never reads the answer. The
 * emulator records each report (admin: GET /__emulator/records?endpoint=logReport) with a one-line
 * summary of what it says; it does not verify the report's sign.
 */
import { OK } from "../protocol/codes";
import { LOG_REPORT_PATH } from "../protocol/hosted-page";
import { reportIdentity, summarizeReport } from "./report-fields";
import { parseJsonObject, type Answer, type ProtocolRoute } from "./route";

export const logReportRoute: ProtocolRoute = {
  id: "logReport",
  method: "POST",
  path: LOG_REPORT_PATH,
  malformed: '{"resultCode":"103000","desc":',
  shape(code, desc) {
    return { json: { resultCode: code, desc } };
  },
  handle(ctx): Answer {
    const parsed = parseJsonObject(ctx.body);
    if (!parsed.ok) {
      const desc = `参数为空: ${parsed.reason}`;
      return {
        status: 400,
        json: { resultCode: "130010", desc },
        record: { resultCode: "130010", desc },
      };
    }
    const desc = summarizeReport(parsed.body);
    return {
      json: { resultCode: OK, desc: "成功" },
      record: { ...reportIdentity(parsed.body), resultCode: OK, desc },
    };
  },
};
