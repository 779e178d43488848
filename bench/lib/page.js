// Runs in the bench page (plain browser script, served by bench/lib/site.mjs). Opens one view
// through the real UMD and reports when it was first painted, which gateway requests ran before,
// and what the callbacks said. Everything is bounded by timeouts.
(function () {
  "use strict";
  var ROOTS = "#YDRZLayer, #YDRZLayerTwo, #YDRZPage";

  // Long tasks of the whole page life (buffered), for the script-eval group.
  var longTasks = [];
  try {
    new PerformanceObserver(function (list) {
      list.getEntries().forEach(function (e) {
        longTasks.push({ start: e.startTime, duration: e.duration });
      });
    }).observe({ type: "longtask", buffered: true });
  } catch {
    /* no long task API: reported as n/a */
  }
  var paints = [];
  try {
    new PerformanceObserver(function (list) {
      list.getEntries().forEach(function (e) {
        paints.push({ name: e.name, start: e.startTime });
      });
    }).observe({ type: "paint", buffered: true });
  } catch {
    // no paint timing API: first paint comes from the frame callback alone
  }

  // The seed's option objects (seed 003 §3.5.2 / §3.6.1), without any off-machine image URL.
  var POPUP = {
    layerStyle: { width: "", height: "240px", bgColor: "#236", borderRadius: "23px" },
    maskStyle: { ifShowMask: false, bgColor: "", opacity: "" },
    phoneStyle: { fontSize: "", fontColor: "#F829FF", high: "", left: "20px" },
    agreeStyle: {
      fontSize: "",
      textalign: "",
      fontColor: "",
      hrefColor: "",
      high: "",
      left: "",
      agreeArr: [{ name: "《服务协议》", url: "/agreement.html" }],
    },
    closeBtnStyle: { ifShowBtn: true, btnImage: "", top: "", right: "", width: "", height: "" },
    customControlStyle: {
      ifShow: true,
      width: "",
      height: "24px",
      high: "center",
      left: "center",
      bgColor: "#fff",
      border: "0",
      borderRadius: "",
      url: "/other.html",
      name: "其他登录方式",
      fontSize: "16px",
      fontColor: "#392211",
      textAlign: "center",
      textDecoration: "",
    },
  };
  var PAGE = {
    bgColor: "#FFFFFF",
    titleStyle: {
      name: "本机号码登录",
      fontSize: "1.33rem",
      fontColor: "#444444",
      width: "70%",
      height: "1.83rem",
      left: "center",
      high: "1rem",
      textAlign: "center",
    },
    authTextStyle: {
      fontSize: "1.08rem",
      fontColor: "#444444",
      appNameColor: "#444444",
      width: "100%",
      textAlign: "center",
      high: "22.75rem",
      left: "center",
      fontWeight: "500",
    },
    phoneNumStyle: {
      fontSize: "2.08rem",
      fontColor: "#444444",
      bgColor: "#FFFFFF",
      fontWeight: "600",
      width: "15.42rem",
      left: "center",
      high: "19.58rem",
      inputStyle: { width: "1.83rem", height: "2.17rem" },
    },
    agreeStyle: {
      fontSize: "1rem",
      fontColor: "#999999",
      high: "30.58rem",
      left: "center",
      checkedButton: {
        width: "1.33rem",
        height: "1.33rem",
        uncheckColor: "#cccccc",
        checkedColor: "#1E82EB",
        uncheckUrl: "",
        checkedUrl: "",
      },
      hrefStyle: { fontColor: "#1E82EB", agreeArr: [] },
    },
    tipStyle: { fontSize: "0.92rem", fontColor: "#999999", high: "27rem", left: "center" },
    customControlStyle: {
      ifShow: "ture",
      width: "120px",
      height: "24px",
      high: "450px",
      left: "center",
      bgColor: "#fff",
      border: "0",
      borderRadius: "",
      url: "/other.html",
      name: "其他登录方式",
      fontSize: "16px",
      fontColor: "#392211",
      textAlign: "center",
      textDecoration: "",
    },
  };
  var PAGE_TYPE = {
    "standard-popup": "1",
    "custom-popup": "2",
    "custom-popup-mask": "2",
    "custom-page": "3",
    "standard-page": "0",
  };

  function copy(o) {
    return JSON.parse(JSON.stringify(o));
  }

  /** The options the integrator sets for `view` (on load, before any call). */
  function setViewOptions(view) {
    var sdk = window.YDRZAuthLogin;
    if (view === "custom-popup" || view === "custom-popup-mask") {
      var o = copy(POPUP);
      o.maskStyle.ifShowMask = view === "custom-popup-mask";
      sdk.CustomControlsInit("ydrzCustomControls", o);
    } else if (view === "custom-page") {
      sdk.authPageInit(copy(PAGE));
    }
  }

  /** Resolves when a view root is in the document and a frame with it has been rendered. */
  function whenPainted(timeoutMs) {
    return new Promise(function (resolve) {
      var done = false;
      var mo;
      var timer;
      function finish(r) {
        if (done) return;
        done = true;
        if (mo) mo.disconnect();
        clearTimeout(timer);
        resolve(r);
      }
      function check() {
        var root = document.querySelector(ROOTS);
        if (!root) return false;
        var attached = performance.now();
        if (mo) mo.disconnect();
        requestAnimationFrame(function () {
          var raf = performance.now();
          // A message posted from rAF is handled once the frame has been produced: the view
          // has been painted (the same idea as the double-rAF marker, one frame tighter).
          var ch = new MessageChannel();
          ch.port1.onmessage = function () {
            finish({
              root: "#" + root.id,
              attached: attached,
              raf: raf,
              painted: performance.now(),
            });
          };
          ch.port2.postMessage(0);
        });
        return true;
      }
      timer = setTimeout(function () {
        finish(null);
      }, timeoutMs);
      if (check()) return;
      mo = new MutationObserver(function () {
        check();
      });
      mo.observe(document.documentElement, { childList: true, subtree: true });
    });
  }

  function resources(origin) {
    return performance
      .getEntriesByType("resource")
      .filter(function (e) {
        return e.name.indexOf(origin) === 0;
      })
      .map(function (e) {
        var u = new URL(e.name);
        return {
          path: u.pathname,
          type: e.initiatorType,
          start: e.startTime,
          end: e.responseEnd || e.startTime + e.duration,
        };
      });
  }

  var outcome = [];
  var running = null;

  window.__bench = {
    longTasks: longTasks,
    paints: paints,
    outcome: outcome,
    config: function (hosts) {
      window.YDRZAuthLogin.config(hosts);
    },
    /** Opens `view` with `data`; resolves with timing marks, requests and callbacks. */
    open: function (view, data, opts) {
      opts = opts || {};
      setViewOptions(view);
      data = Object.assign({}, data, { authPageType: PAGE_TYPE[view] });
      outcome.length = 0;
      var painted = whenPainted(opts.timeoutMs || 15000);
      var settled = new Promise(function (resolve) {
        running = resolve;
      });
      var t0 = performance.now();
      window.YDRZAuthLogin.getTokenInfo({
        data: data,
        success: function (res) {
          outcome.push({ kind: "success", at: performance.now(), res: res });
          if (res && res.message !== "弹窗加载成功" && running) running("success");
        },
        error: function (res) {
          outcome.push({ kind: "error", at: performance.now(), res: res });
          if (running) running("error");
        },
      });
      return Promise.race([
        painted,
        settled.then(function () {
          return null;
        }),
      ]).then(function (mark) {
        return {
          t0: t0,
          mark: mark,
          outcome: outcome.slice(),
          resources: resources(opts.origin || ""),
        };
      });
    },
    /**
     * Calls `YDRZAuthLogin.prepare` for `view` (its options set first, as a page does on load)
     * with `data` signed for it; resolves with the callback that answered and its result, or
     * `{kind: "timeout"}`.
     */
    prepare: function (view, data, opts) {
      opts = opts || {};
      setViewOptions(view);
      data = Object.assign({}, data, { authPageType: PAGE_TYPE[view] });
      return new Promise(function (resolve) {
        var t0 = performance.now();
        var timer = setTimeout(function () {
          resolve({ kind: "timeout", ms: performance.now() - t0 });
        }, opts.timeoutMs || 15000);
        function answer(kind) {
          return function (result) {
            clearTimeout(timer);
            var ms = performance.now() - t0;
            // A user taps seconds later: the tap comes once the page is idle again (after the
            // pre-draw prepare schedules for the task after its answer).
            var idle = window.requestIdleCallback || setTimeout;
            idle(function () {
              resolve({ kind: kind, ms: ms, result: result });
            });
          };
        }
        window.YDRZAuthLogin.prepare(data, { success: answer("success"), error: answer("error") });
      });
    },
    /** Waits for the final callback of the running flow. */
    settled: function (timeoutMs) {
      return new Promise(function (resolve) {
        var t = setTimeout(function () {
          resolve(null);
        }, timeoutMs);
        function poll() {
          var last = outcome.filter(function (o) {
            return o.kind === "error" || (o.res && o.res.message !== "弹窗加载成功");
          })[0];
          if (last) {
            clearTimeout(t);
            resolve(last);
          } else setTimeout(poll, 5);
        }
        poll();
      });
    },
    /** Ends the running flow (removes the view) and resolves when no view root is left. */
    close: function () {
      window.YDRZAuthLogin.endGetToken();
      return new Promise(function (resolve) {
        var n = 0;
        (function poll() {
          if (!document.querySelector(ROOTS) || ++n > 200) resolve(!document.querySelector(ROOTS));
          else setTimeout(poll, 5);
        })();
      });
    },
    resources: resources,
  };
})();
