/*
 * The demo pages' shared plumbing: the SIM/scenario switcher, the callback log, the Referer/Origin
 * panel and the two calls to the demo backend. What an integrator writes (the SDK calls) stays in
 * each page's own <script>, so that "view source" shows the integration and nothing else.
 *
 * Everything from the gateway or the SDK is shown with textContent: callback payloads carry
 * gateway data, which a demo must not execute any more than a real site may.
 */
(function () {
  "use strict";

  var SIM_KEY = "ydrz-demo-sim";
  var SCENARIO_KEY = "ydrz-demo-scenario";
  var body = document.body;
  var fixedApp = body.getAttribute("data-app");
  var config = null;
  var configReady = null;
  var lastTraceId = null;
  var lastApp = "default";

  function $(id) {
    return document.getElementById(id);
  }

  function setText(id, text) {
    var el = $(id);
    if (el) el.textContent = text;
  }

  /** A yes/no badge; `ok` undefined leaves it blank (nothing checked yet). */
  function badge(id, ok, yes, no) {
    var el = $(id);
    if (!el) return;
    if (ok === undefined) {
      el.className = "badge";
      el.textContent = "";
    } else if (ok) {
      el.className = "badge ok";
      el.textContent = yes;
    } else {
      el.className = "badge bad";
      el.textContent = no;
    }
  }

  /** The address the gateway compares with the registry: no ?query, no #fragment (exact match). */
  function pageAddress() {
    return location.href.split("#")[0].split("?")[0];
  }

  function time() {
    var d = new Date();
    function p(n, w) {
      return String(n).padStart(w || 2, "0");
    }
    return (
      p(d.getHours()) +
      ":" +
      p(d.getMinutes()) +
      ":" +
      p(d.getSeconds()) +
      "." +
      p(d.getMilliseconds(), 3)
    );
  }

  function log(kind, payload) {
    var list = $("log");
    if (!list) return;
    var li = document.createElement("li");
    li.className = "log-" + kind;
    var head = document.createElement("div");
    head.className = "log-head";
    head.appendChild(document.createTextNode(time() + " "));
    var name = document.createElement("b");
    name.textContent = kind;
    head.appendChild(name);
    var pre = document.createElement("pre");
    var text;
    try {
      text = typeof payload === "string" ? payload : JSON.stringify(payload, null, 2);
    } catch {
      // a cycle or a BigInt: JSON cannot say it
      text = String(payload);
    }
    pre.textContent = text === undefined ? "undefined" : text;
    li.appendChild(head);
    li.appendChild(pre);
    list.appendChild(li);
    list.scrollTop = list.scrollHeight;
  }

  function status(text, tone) {
    var el = $("status");
    if (!el) return;
    el.textContent = text;
    el.className = "status" + (tone ? " " + tone : "");
  }

  function busy(on) {
    var btn = $("login");
    if (btn) btn.disabled = !!on;
  }

  function describe(res) {
    if (!res || typeof res !== "object") return String(res);
    if (res.YDData || res.CTData || res.CUData) {
      var parts = [];
      [
        ["移动", res.YDData],
        ["电信", res.CTData],
        ["联通", res.CUData],
      ].forEach(function (p) {
        if (p[1]) parts.push(p[0] + " " + p[1].code + " " + p[1].message);
      });
      return "取号失败：" + parts.join("；");
    }
    return (res.code || res.resultCode || "") + " " + (res.message || res.desc || "");
  }

  function api(path, payload) {
    return fetch(path, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify(payload),
    }).then(function (r) {
      return r.json().then(
        function (json) {
          return { status: r.status, json: json };
        },
        function () {
          return { status: r.status, json: { error: "bad_response", message: "HTTP " + r.status } };
        },
      );
    });
  }

  function selected(id) {
    var el = $(id);
    return el && el.value ? el.value : "";
  }

  function currentApp() {
    if (fixedApp && fixedApp !== "default") return fixedApp;
    var s = selected("scenario");
    return s && s !== "bad-sign" ? s : "default";
  }

  function expandParams() {
    var sim = selected("sim");
    return sim ? "sim=" + sim : "";
  }

  /** Gets a sign for a new flow; the page then calls the SDK with it. */
  function start() {
    busy(true);
    var result = $("result");
    if (result) result.hidden = true;
    resetInspection();
    status("正在签名并取号…");
    var app = currentApp();
    var req = { app: app };
    if (selected("scenario") === "bad-sign") req.scenario = "bad-sign";
    return api("/api/sign", req).then(function (r) {
      if (r.status !== 200) throw new Error("/api/sign: " + (r.json.message || r.status));
      lastTraceId = r.json.traceId;
      lastApp = app;
      log("/api/sign", r.json);
      var s = r.json;
      s.expandParams = expandParams();
      return s;
    });
  }

  /** The business backend turns the token into a number (tokenValidate + decryption). */
  function login(res) {
    status("已获取 token，正在由业务后端校验…");
    var payload = { app: lastApp, token: res.token, userInformation: res.userInformation };
    return api("/api/login", payload)
      .then(function (r) {
        log("/api/login", r.json);
        if (r.status === 200 && r.json.phone) {
          setText("phone", r.json.phone);
          setText("security-phone", r.json.securityPhone || "");
          var result = $("result");
          if (result) result.hidden = false;
          status("登录成功", "ok");
        } else {
          status("token 校验失败：" + describe(r.json), "bad");
        }
      })
      .catch(fail)
      .then(finish);
  }

  function fail(err) {
    log("fail", err && err.message ? err.message : String(err));
    status("出错：" + (err && err.message ? err.message : String(err)), "bad");
    finish();
  }

  function error(res) {
    log("error", res);
    status("失败：" + describe(res), "bad");
    finish();
  }

  function finish() {
    busy(false);
    inspect();
  }

  function resetInspection() {
    setText("seen-referer", "—");
    setText("seen-origin", "—");
    setText("seen-code", "—");
    setText("seen-steps", "");
    badge("referer-verdict");
    badge("origin-verdict");
  }

  /** Asks the demo server what the gateway received for the last flow (emulator inspection). */
  function inspect() {
    if (!lastTraceId) return Promise.resolve();
    return fetch("/api/inspect?traceId=" + encodeURIComponent(lastTraceId))
      .then(function (r) {
        return r.json();
      })
      .then(function (info) {
        if (!info || !info.found) {
          setText("seen-code", info && info.message ? info.message : "网关没有这次请求的记录");
          return;
        }
        setText("seen-referer", info.referer || "(没有 Referer)");
        setText("seen-origin", info.origin || "(没有 Origin)");
        setText("seen-code", (info.resultCode || "") + " " + (info.resultDesc || ""));
        setText("seen-steps", (info.steps || []).join(" → "));
        badge("referer-verdict", info.refererAllowed, "与登记一致", "未登记");
        badge("origin-verdict", info.originAllowed, "与登记一致", "未登记");
      })
      .catch(function () {
        setText("seen-code", "无法读取网关记录");
      });
  }

  function fillSelect(el, options, value) {
    while (el.firstChild) el.removeChild(el.firstChild);
    options.forEach(function (o) {
      var opt = document.createElement("option");
      opt.value = o.value;
      opt.textContent = o.label;
      el.appendChild(opt);
    });
    if (
      value !== null &&
      options.some(function (o) {
        return o.value === value;
      })
    )
      el.value = value;
  }

  function remembered(param, key) {
    var fromUrl = new URLSearchParams(location.search).get(param);
    if (fromUrl) return fromUrl;
    try {
      return localStorage.getItem(key);
    } catch {
      return null;
    }
  }

  function remember(key, value) {
    try {
      localStorage.setItem(key, value);
    } catch {
      /* private mode: the choice just is not kept */
    }
  }

  /** How the SIM switcher names a SIM's network. */
  function networkName(network) {
    if (network === "cellular") return "数据流量";
    if (network === "wifi") return "Wi-Fi";
    return "无网络";
  }

  function initSwitcher(cfg) {
    var sim = $("sim");
    if (sim) {
      var simOptions = [{ value: "", label: "网关默认 SIM" }].concat(
        cfg.sims.map(function (s) {
          var net = networkName(s.network);
          return {
            value: s.id,
            label:
              (s.label || s.id) +
              " · " +
              s.carrier +
              " · " +
              net +
              " · " +
              s.maskedNumber +
              (s.hiddenDigits ? "（中间四位 " + s.hiddenDigits + "）" : ""),
          };
        }),
      );
      fillSelect(sim, simOptions, remembered("sim", SIM_KEY));
      sim.addEventListener("change", function () {
        remember(SIM_KEY, sim.value);
      });
    }
    var scenario = $("scenario");
    if (scenario) {
      if (fixedApp && fixedApp !== "default") {
        var fixed = cfg.apps.filter(function (a) {
          return a.name === fixedApp;
        })[0];
        fillSelect(
          scenario,
          [{ value: fixedApp, label: fixed ? fixed.label : fixedApp }],
          fixedApp,
        );
        scenario.disabled = true;
      } else {
        var scenarioOptions = cfg.apps
          .filter(function (a) {
            return a.name !== "level5";
          })
          .map(function (a) {
            return { value: a.name, label: a.label + " · appId " + a.appId };
          })
          .concat([{ value: "bad-sign", label: "签名用错 appKey (103101)" }]);
        fillSelect(scenario, scenarioOptions, remembered("scenario", SCENARIO_KEY));
        scenario.addEventListener("change", function () {
          remember(SCENARIO_KEY, scenario.value);
        });
      }
    }
  }

  function initRefererPanel(cfg) {
    var here = pageAddress();
    setText("page-address", here);
    var registered = cfg.registered && cfg.registered.referers.indexOf(here) >= 0;
    badge("page-registered", registered, "已登记", "未登记");
    var link = $("switch-host");
    if (link) {
      var other = location.hostname === "localhost" ? "127.0.0.1" : "localhost";
      var url = new URL(location.href);
      url.hostname = other;
      link.href = url.toString();
      link.textContent =
        other === "localhost" ? "换成 localhost 打开本页" : "换回 127.0.0.1 打开本页";
    }
    var originDemo = $("origin-demo");
    if (originDemo && cfg.originDemoPage) {
      originDemo.href = "http://localhost:" + location.port + cfg.originDemoPage + location.search;
    }
  }

  function init() {
    // The UMD pages need dist/ built; say so instead of leaving a dead button.
    if (
      document.querySelector('script[src$="jssdk-1.0.0.min.js"]') &&
      typeof window.YDRZAuthLogin === "undefined"
    ) {
      status(
        "SDK 没有加载：dist/ydrz-jssdk.umd.js 不存在，请先运行 npm run build（npm run demo 会自动构建）。",
        "bad",
      );
      busy(true);
    }
    var clear = $("clear-log");
    if (clear) {
      clear.addEventListener("click", function () {
        var list = $("log");
        while (list && list.firstChild) list.removeChild(list.firstChild);
      });
    }
    configReady = fetch("/api/config")
      .then(function (r) {
        return r.json();
      })
      .then(function (cfg) {
        config = cfg;
        initSwitcher(cfg);
        initRefererPanel(cfg);
        return cfg;
      })
      .catch(function (e) {
        status("无法读取演示配置：" + e.message, "bad");
      });
  }

  window.Demo = {
    start: start,
    login: login,
    log: log,
    error: error,
    fail: fail,
    finish: finish,
    status: status,
    busy: busy,
    describe: describe,
    ready: function () {
      return configReady;
    },
    config: function () {
      return config;
    },
  };

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
