/**
 * `GET /h5/onekeylogin/authPage` (docs/protocol.md "Hosted page"): the gateway's own
 * authorization page that the SDK opens in a full-screen iframe for authPageType "0" and "3".
 * It reads the SDK's query, shows the masked number (and a digits entry at authLevel 4), asks the
 * emulator's authGetToken for the token and posts the result to its parent, whose origin is the
 * `from` parameter. The markup, styles and script are the emulator's own.
 */
import { createHash } from "node:crypto";
import { PATHS } from "../protocol/hosts";
import { HOSTED_PAGE_PATH } from "../protocol/hosted-page";
import type { Answer } from "./route";

/** Each carrier's own service agreement, shown before the app's links. */
const CARRIER_AGREEMENTS: Record<string, { name: string; url: string; by: string }> = {
  CM: {
    name: "《中国移动认证服务协议》",
    url: "https://wap.cmpassport.com/resources/html/contract.html",
    by: "中国移动提供认证服务",
  },
  CT: {
    name: "《中国电信天翼账号服务条款》",
    url: "https://e.189.cn/sdk/agreement/detail.do?hidetop=true",
    by: "中国电信提供认证服务",
  },
  CU: {
    name: "《中国联通认证服务协议》",
    url: "https://opencloud.wostore.cn/authz/resource/html/disclaimer.html?fromsdk=true",
    by: "中国联通提供认证服务",
  },
};

const PAGE_STYLE = `
*, *::before, *::after { box-sizing: border-box; }
html, body { margin: 0; background: #fff; color: #222; }
body { font: 16px/1.5 -apple-system, "PingFang SC", "Microsoft YaHei", sans-serif; }
.page { max-width: 420px; margin: 0 auto; padding: 12px 16px 32px; }
.back { border: 0; background: none; color: #1670d0; font-size: 16px; padding: 8px 0;
  min-height: 44px; cursor: pointer; }
h1 { font-size: 20px; margin: 16px 0 8px; text-align: center; }
.app { margin: 0 0 24px; text-align: center; color: #555; overflow-wrap: anywhere; }
.number { margin: 0 0 16px; text-align: center; font-size: 26px; letter-spacing: 2px; }
.digits { display: flex; flex-direction: column; align-items: center; gap: 8px;
  margin-bottom: 8px; }
.digits input { width: 9em; max-width: 100%; font-size: 22px; letter-spacing: 8px;
  text-align: center; padding: 6px 8px; border: 1px solid #888; border-radius: 6px; }
.tip { min-height: 24px; margin: 0 0 8px; color: #c4001a; text-align: center; font-size: 14px; }
.submit { display: block; width: 100%; min-height: 46px; border: 0; border-radius: 8px;
  background: #1670d0; color: #fff; font-size: 16px; cursor: pointer; }
.submit:disabled { opacity: 0.5; cursor: default; }
.agree { display: flex; gap: 6px; align-items: flex-start; margin: 16px 0 0; font-size: 13px;
  color: #555; }
.agree input { flex: none; width: 18px; height: 18px; margin: 1px 0 0; }
.agree a { color: #1670d0; overflow-wrap: anywhere; }
.carrier { margin: 32px 0 0; text-align: center; font-size: 12px; color: #666; }
:focus-visible { outline: 3px solid #f5a623; outline-offset: 2px; }
[hidden] { display: none !important; }
`;

const PAGE_BODY = `
<main class="page">
  <button type="button" class="back" id="back">‹ 返回</button>
  <h1>本机号码一键登录</h1>
  <p class="app" id="app"></p>
  <p class="number" id="number"></p>
  <form id="form" novalidate>
    <div class="digits" id="digits-row" hidden>
      <label for="digits" id="digits-label">请补全号码中间 4 位</label>
      <input id="digits" inputmode="numeric" autocomplete="off" pattern="[0-9]*" maxlength="4">
    </div>
    <p class="tip" id="tip" role="alert"></p>
    <button type="submit" class="submit" id="submit">本机号码一键登录</button>
    <p class="agree">
      <input type="checkbox" id="agree">
      <span><label for="agree">我已阅读并同意</label> <span id="links"></span></span>
    </p>
  </form>
  <p class="carrier" id="carrier"></p>
</main>
`;

/**
 * The page's script. Plain ES2017 for the browser; it hashes with its own MD5 because Web Crypto
 * has none. Values in the query come unencoded from the official SDK: `userInformation` is kept
 * exactly as it appears (it must reach tokenValidate byte for byte), the others are decoded.
 */
const PAGE_SCRIPT = `
(function () {
  "use strict";
  var AGREEMENTS = ${JSON.stringify(CARRIER_AGREEMENTS)};
  var TOKEN_PATH = ${JSON.stringify(PATHS.authGetToken)};

  function decode(value) {
    try {
      return decodeURIComponent(value.replace(/\\+/g, " "));
    } catch (e) {
      return value;
    }
  }

  function readQuery(search) {
    var raw = {};
    var decoded = {};
    search.replace(/^\\?/, "").split("&").forEach(function (pair) {
      if (pair === "") return;
      var at = pair.indexOf("=");
      var name = at < 0 ? pair : pair.slice(0, at);
      var value = at < 0 ? "" : pair.slice(at + 1);
      raw[name] = value;
      decoded[name] = decode(value);
    });
    return { raw: raw, decoded: decoded };
  }

  /** The official SDK writes a missing value as the text "undefined". */
  function given(value) {
    return value === undefined || value === "undefined" || value === "null" ? "" : value;
  }

  function md5(text) {
    var shifts = [7, 12, 17, 22, 5, 9, 14, 20, 4, 11, 16, 23, 6, 10, 15, 21];
    var bytes = Array.from(new TextEncoder().encode(text));
    var bitLength = bytes.length * 8;
    bytes.push(0x80);
    while (bytes.length % 64 !== 56) bytes.push(0);
    for (var i = 0; i < 8; i++) bytes.push(i < 4 ? (bitLength >>> (8 * i)) & 0xff : 0);
    var h = [0x67452301, 0xefcdab89, 0x98badcfe, 0x10325476];
    for (var block = 0; block < bytes.length; block += 64) {
      var m = [];
      for (var w = 0; w < 16; w++) {
        var o = block + w * 4;
        m[w] = bytes[o] | (bytes[o + 1] << 8) | (bytes[o + 2] << 16) | (bytes[o + 3] << 24);
      }
      var a = h[0];
      var b = h[1];
      var c = h[2];
      var d = h[3];
      for (var step = 0; step < 64; step++) {
        var round = Math.floor(step / 16);
        var f;
        var g;
        if (round === 0) {
          f = (b & c) | (~b & d);
          g = step;
        } else if (round === 1) {
          f = (d & b) | (~d & c);
          g = (5 * step + 1) % 16;
        } else if (round === 2) {
          f = b ^ c ^ d;
          g = (3 * step + 5) % 16;
        } else {
          f = c ^ (b | ~d);
          g = (7 * step) % 16;
        }
        var k = Math.floor(Math.abs(Math.sin(step + 1)) * 4294967296) | 0;
        var sum = (a + f + k + m[g]) | 0;
        var shift = shifts[round * 4 + (step % 4)];
        a = d;
        d = c;
        c = b;
        b = (b + ((sum << shift) | (sum >>> (32 - shift)))) | 0;
      }
      h[0] = (h[0] + a) | 0;
      h[1] = (h[1] + b) | 0;
      h[2] = (h[2] + c) | 0;
      h[3] = (h[3] + d) | 0;
    }
    var hex = "";
    h.forEach(function (word) {
      for (var byteAt = 0; byteAt < 4; byteAt++) {
        hex += ((word >>> (8 * byteAt)) & 0xff).toString(16).padStart(2, "0");
      }
    });
    return hex;
  }

  function timestamp() {
    var now = new Date();
    function pad(n, width) {
      return String(n).padStart(width || 2, "0");
    }
    return String(now.getFullYear()) + pad(now.getMonth() + 1) + pad(now.getDate()) +
      pad(now.getHours()) + pad(now.getMinutes()) + pad(now.getSeconds()) +
      pad(now.getMilliseconds(), 3);
  }

  function originOf(address) {
    try {
      var origin = new URL(address).origin;
      return /^https?:/.test(origin) ? origin : "";
    } catch (e) {
      return "";
    }
  }

  var query = readQuery(location.search);
  var q = query.decoded;
  var traceId = given(q.traceId);
  var accessToken = given(q.accessToken);
  var appId = given(q.appId);
  var maskPhone = given(q.maskPhone);
  var authLevel = given(q.authLevel) === "4" ? "4" : "1";
  var userInformation = given(query.raw.userInformation);
  var expandParams = given(q.expandParams);
  var parentOrigin = originOf(given(q.from));
  var carrier = AGREEMENTS[given(q.oper)] ? given(q.oper) : "CM";
  var run = (/\\*+/.exec(maskPhone) || [""])[0];
  var needsDigits = authLevel === "4" && run.length > 0;
  var finished = false;
  var busy = false;

  var el = function (id) {
    return document.getElementById(id);
  };
  var digits = el("digits");
  var tip = el("tip");
  var submit = el("submit");
  var agree = el("agree");

  function addLink(name, url) {
    if (!/^https?:\\/\\//i.test(url)) return;
    var links = el("links");
    if (links.childNodes.length > 0) links.appendChild(document.createTextNode("、"));
    var a = document.createElement("a");
    a.href = url;
    a.target = "_blank";
    a.rel = "noopener noreferrer";
    a.textContent = name;
    links.appendChild(a);
  }

  /** Exactly one result per page, to the parent that opened it. */
  function finish(result) {
    if (finished) return;
    finished = true;
    submit.disabled = true;
    digits.disabled = true;
    el("back").disabled = true;
    var shown = result.code === "103000" ? "登录成功" : result.message + "（" + result.code + "）";
    tip.textContent = shown;
    if (parentOrigin && window.parent !== window) window.parent.postMessage(result, parentOrigin);
  }

  function fail(code, message) {
    finish({ code: code, message: message, msgId: traceId });
  }

  function phoneHash() {
    if (!needsDigits) return md5(maskPhone.replace(/\\*+/g, ""));
    return md5(maskPhone.replace(run, digits.value));
  }

  function answer(json) {
    var code = json && typeof json.resultCode === "string" ? json.resultCode : "103005";
    var desc = json && typeof json.desc === "string" ? json.desc : "inner error";
    if (code === "103000" && json.data && typeof json.data.token === "string") {
      finish({
        code: code,
        message: desc,
        token: json.data.token,
        userInformation: userInformation,
        msgId: traceId,
      });
    } else if (code === "104012" && needsDigits) {
      tip.textContent = "号码有误，请重新填写";
      digits.value = "";
      digits.focus();
    } else {
      fail(code, desc);
    }
  }

  function requestToken() {
    busy = true;
    submit.disabled = true;
    submit.textContent = "正在登录…";
    var body = {
      accessToken: accessToken,
      phone: phoneHash(),
      userInformation: userInformation,
      expandParams: expandParams,
    };
    fetch(TOKEN_PATH, {
      method: "POST",
      headers: {
        "Content-Type": "application/json",
        interfaceVersion: "1.0",
        timestamp: timestamp(),
        appId: appId,
        businessType: "8",
        traceId: traceId,
      },
      body: JSON.stringify(body),
    })
      .then(function (response) {
        return response.json();
      })
      .then(answer, function () {
        fail("103005", "inner error");
      })
      .then(function () {
        busy = false;
        submit.textContent = "本机号码一键登录";
        if (!finished) submit.disabled = false;
      });
  }

  el("form").addEventListener("submit", function (event) {
    event.preventDefault();
    if (finished || busy) return;
    if (needsDigits && !new RegExp("^\\\\d{" + run.length + "}$").test(digits.value)) {
      tip.textContent = "请输入号码中间 " + run.length + " 位数字";
      digits.focus();
      return;
    }
    if (!agree.checked) {
      tip.textContent = "请先阅读并勾选协议";
      agree.focus();
      return;
    }
    tip.textContent = "";
    requestToken();
  });

  el("back").addEventListener("click", function () {
    fail("501", "用户取消授权");
  });

  // The SDK posts on the iframe's load: a customerPrivacyConfig JSON string (type "0") or the
  // options of authPageInit (type "3", not applied here). Only the parent's origin is heard.
  window.addEventListener("message", function (event) {
    if (!parentOrigin || event.origin !== parentOrigin || typeof event.data !== "string") return;
    var links;
    try {
      links = JSON.parse(event.data);
    } catch (e) {
      return;
    }
    if (!links || typeof links !== "object" || Array.isArray(links)) return;
    Object.keys(links).forEach(function (name) {
      if (typeof links[name] === "string") addLink(name, links[name]);
    });
  });

  var agreement = AGREEMENTS[carrier];
  addLink(agreement.name, agreement.url);
  el("carrier").textContent = agreement.by;
  el("app").textContent = "「" + (given(q.authName) || "本应用") + "」申请使用您的本机号码登录";
  el("number").textContent = maskPhone;
  el("number").setAttribute("aria-label", "本机号码 " + maskPhone.split("").join(" "));
  if (needsDigits) {
    el("digits-row").hidden = false;
    el("digits-label").textContent = "请补全号码中间 " + run.length + " 位";
    digits.maxLength = run.length;
  }
  if (!traceId || !accessToken || !appId || !maskPhone) fail("503", "参数缺失");
})();
`;

/** A CSP hash source for an inline element's exact text. */
function hashSource(text: string): string {
  return `'sha256-${createHash("sha256").update(text, "utf8").digest("base64")}'`;
}

const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  `script-src ${hashSource(PAGE_SCRIPT)}`,
  `style-src ${hashSource(PAGE_STYLE)}`,
  "connect-src 'self'",
  "img-src 'self' data:",
  "base-uri 'none'",
  "form-action 'none'",
].join("; ");

const PAGE_HTML =
  '<!doctype html>\n<html lang="zh-CN">\n<head>\n<meta charset="utf-8">\n' +
  '<meta name="viewport" content="width=device-width, initial-scale=1">\n' +
  `<title>本机号码一键登录</title>\n<style>${PAGE_STYLE}</style>\n</head>\n<body>` +
  `${PAGE_BODY}<script>${PAGE_SCRIPT}</script>\n</body>\n</html>\n`;

/** The hosted page: the same bytes for every query (the script reads it in the browser). */
export function hostedPageAnswer(): Answer {
  return {
    text: PAGE_HTML,
    contentType: "text/html; charset=utf-8",
    headers: {
      "Content-Security-Policy": CONTENT_SECURITY_POLICY,
      // The query carries the accessToken: no Referer leaves the gateway's own origin.
      "Referrer-Policy": "same-origin",
      "X-Content-Type-Options": "nosniff",
    },
  };
}

/**
 * The address of the hosted page, as number fetches answer it in `authPageUrl`: the emulator's
 * public address plus HOSTED_PAGE_PATH. The one place that decides the address.
 */
export function hostedPageUrl(publicBaseUrl: string): string {
  return publicBaseUrl.replace(/\/+$/, "") + HOSTED_PAGE_PATH;
}
