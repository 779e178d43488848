/** `GET /h5/onekeylogin/getPageOption` (docs/protocol.md): the standard popup's options. */
import { OK } from "../protocol/codes";
import { PATHS } from "../protocol/hosts";
import type { PageOptionResponse } from "../protocol/wire";
import { describe } from "./checks";
import { headerValue, type ProtocolRoute } from "./route";

export const pageOptionRoute: ProtocolRoute = {
  id: "pageOption",
  method: "GET",
  path: PATHS.pageOption,
  malformed: '{"resultCode":"103000","data":{"pageOption":{"pageTitle":',
  shape(code, desc) {
    return { json: { resultCode: code, desc } };
  },
  handle(ctx) {
    const appId = headerValue(ctx, "appId");
    const traceId = headerValue(ctx, "traceId");
    const base = traceId ? { traceId } : {};
    if (!appId) {
      const desc = `${describe("cm", "130010")}: appId header is missing`;
      return {
        json: { resultCode: "130010", desc },
        record: { ...base, resultCode: "130010", desc },
      };
    }
    const app = ctx.state.registry.get(appId);
    if (!app) {
      const desc = `${describe("cm", "105113")}: appId ${appId.slice(0, 40)} is not registered`;
      return {
        json: { resultCode: "105113", desc },
        record: { ...base, appId, resultCode: "105113", desc },
      };
    }
    const json: PageOptionResponse & { desc: string } = {
      resultCode: OK,
      desc: "成功",
      data: { pageOption: app.pageOption ?? {} },
    };
    return { json, record: { ...base, appId, resultCode: OK } };
  },
};
