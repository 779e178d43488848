/**
 * Result codes and their texts, as the gateways answer them (listed in docs/protocol.md). The
 * SDK, the emulator and the tests refer to these constants so that a text is spelled the same
 * everywhere.
 */

export const OK = "103000";

/** `{code, message}` of a code the SDK produces. */
const c = (code: string, message: string) => ({ code, message });

/**
 * Codes the SDK itself produces (never from the gateway), one constant each: the SDK imports
 * these, so that a bundle carries only the ones it uses.
 */
export const MISSING_PARAM = c("503", "参数缺失");
export const ENDED = c("503", "获取token结束");
export const BUSY = c("104018", "正在处理，请稍后");
export const CANCELLED = c("501", "用户取消授权");
export const NETWORK = c("500", "网络异常，请检查网络设置");
export const CROSS_CARRIER_OFF = c("502", "电信/联通取号能力关闭");
export const INNER_ERROR = c("103005", "inner error");
export const LAYER_NOT_INITIALISED = c("505", "未初始化弹窗配置项");
export const LAYER_LOAD_FAILED = c("506", "弹窗加载失败");
export const DIGITS_INCOMPLETE = c("507", "用户未补齐4位号码");
export const AGREEMENT_UNTICKED = c("508", "用户未勾选协议");
/**
 * Given to a carrier that the CM answer rules out (`msisdnOwner` names another one). The code is
 * the one that carrier's gateway answers for a number it cannot fetch, which is what the
 * original, trying it anyway, reports; the message says it was not tried.
 */
export const SKIPPED_CT = c("105003", "非电信号码，未尝试取号");
export const SKIPPED_CU = c("105001", "非联通号码，未尝试取号");
/** `getTokenInfo` outside a browser page (server-side rendering): nothing to fetch or draw in. */
export const NO_PAGE = c("509", "非浏览器环境");

/** Non-final and final success messages of the views (api.md). */
export const LAYER_LOADED = "弹窗加载成功";
export const LAYER_READY = "用户已输入中间四位号码并勾选协议";
export const ACCESS_TOKEN_ISSUED = "获取AccessToken成功";

/** CM number fetch codes: the texts the emulator answers with. */
export const CM_FETCH_CODES: Readonly<Record<string, string>> = {
  "103000": "成功",
  "130010": "参数为空",
  "105002": "移动网关取号失败",
  "105112": "时间戳非法",
  "105113": "APPID 非法或为空",
  "103101": "错误的请求签名",
  "103134": "WAP 取号为空",
  "110024": "businessType 配置错误",
  "110023": "应用没有权益",
  "110025": "权益已失效",
  "110026": "Origin 校验失败",
  "103111": "WAP 网关 IP 错误",
  "111002": "黑名单号码用户",
  "103609": "物联网 IP 不允许取号",
  "170001": "referer 校验失败",
  "103211": "其他错误",
};

/** Token codes. */
export const TOKEN_CODES: Readonly<Record<string, string>> = {
  "501": "用户取消授权",
  "103002": "没有填写必传参数",
  "104000": "app 不存在",
  "104001": "businessType 校验失败",
  "104003": "应用没有权益",
  "104004": "权益已失效",
  "104005": "referer 校验失败",
  "104006": "origin 校验失败",
  "104007": "accessToken 不存在",
  "104008": "accessToken 校验失败",
  "104009": "超过失败次数限制获取 Token",
  "104010": "配置错误",
  "104011": "手机号不能为空",
  "104012": "本机号码校验失败",
  "104014": "busineseTYpe 校验失败",
  "104015": "运管配置错误",
  "104016": "开放配置错误",
  "104018": "正在处理，请稍后",
  "104020": "电信取号异常",
  "104021": "联通取号异常",
};

/** The code the gateway answers for wrong hidden digits: the view stays open. */
export const WRONG_DIGITS = "104012";
/** The code of a number locked after 3 consecutive wrong entries. */
export const LOCKED = "104009";
