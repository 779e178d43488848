// Chromium traces (DevTools protocol Tracing domain) of one page, and what the bench reads in
// them: the renderer main thread's busy time by phase in a time window, the style and layout
// updates that script forced, and the V8 CPU profile the trace carries.

/**
 * The timeline categories of the DevTools Performance panel, plus Blink's own scopes (style
 * sheet parsing, font lookups), V8's compiler and GC, and the sampling profiler.
 */
export const TRACE_CATEGORIES = [
  "devtools.timeline",
  "disabled-by-default-devtools.timeline",
  "disabled-by-default-devtools.timeline.frame",
  "disabled-by-default-devtools.timeline.stack",
  "v8.execute",
  "v8",
  "v8.compile",
  "disabled-by-default-v8.compile",
  "disabled-by-default-v8.gc",
  "disabled-by-default-v8.cpu_profiler",
  "blink",
  "blink.user_timing",
  "blink_style",
  "fonts",
  "loading",
  "toplevel",
];

/** The console.timeStamp label that ties the trace clock to the page's performance.now(). */
const SYNC_LABEL = "ydrz-trace-sync";

/**
 * Starts a trace on the page of `p` (from openPage). `stop()` resolves with the events and
 * `offsetMs` (trace clock in ms = performance.now() + offsetMs) and the main thread's ids.
 */
export async function startTrace(p) {
  const events = [];
  const onData = (e) => {
    for (const x of e.value) events.push(x);
  };
  p.cdp.on("Tracing.dataCollected", onData);
  await p.cdp.send("Tracing.start", {
    transferMode: "ReportEvents",
    traceConfig: { includedCategories: TRACE_CATEGORIES, recordMode: "recordAsMuchAsPossible" },
  });
  const pageNow = await p.page.evaluate((label) => {
    console.timeStamp(label);
    return performance.now();
  }, SYNC_LABEL);
  return {
    async stop() {
      const complete = new Promise((resolve) => p.cdp.once("Tracing.tracingComplete", resolve));
      await p.cdp.send("Tracing.end");
      await complete;
      p.cdp.off("Tracing.dataCollected", onData);
      const sync = events.find(
        (e) => e.name === "TimeStamp" && e.args?.data?.message === SYNC_LABEL,
      );
      if (!sync) throw new Error("the trace has no sync mark (console.timeStamp)");
      return { events, offsetMs: sync.ts / 1000 - pageNow, pid: sync.pid, tid: sync.tid };
    },
  };
}

/** Where a main-thread event's own time goes (null: to whatever it runs in). */
const PHASE_RULES = [
  ["gc", /^(MinorGC|MajorGC|V8\.GC|BlinkGC|CppGC|ThreadState::|GCEvent|V8\.Scavenge)/],
  [
    "compile",
    /^(v8\.compile|v8\.parseOnBackground|V8\.Compile|V8\.Parse|V8\.Finalize|CompileScript|CompileCode|FlushInstructionCache|V8\.OptimizeCode|V8\.Deoptimize)/,
  ],
  [
    "script",
    /^(EvaluateScript|FunctionCall|v8\.run|v8\.callFunction|v8\.evaluateModule|V8\.Execute|RunMicrotasks|TimerFire|FireAnimationFrame|FireIdleCallback|EventDispatch|v8\.newInstance|V8\.|v8\.)/,
  ],
  ["fonts", /^(FontCache|FontDataManager|FontService|WebSandboxSupport|FontFallback|Font)/],
  ["style", /^(UpdateLayoutTree|RecalculateStyles|Document::updateStyle|Document::recalcStyle)/],
  ["layout", /^(Layout|LocalFrameView::layout|LocalFrameView::performLayout|InlineNode::)/],
  [
    "parse",
    /^(ParseHTML|ParseAuthorStyleSheet|CSSParserImpl::|StyleElement::processStyleSheet|Blink\.ParseStyleSheet)/,
  ],
  [
    "ipc",
    /^(Receive mojo|SimpleWatcher|EpollEvent|ResourceRequestSender|URLLoader|ThrottlingURLLoader|MojoURLLoaderClient|ResourceFetcher|ResponseBodyLoader|PageTimingMetricsSender)/,
  ],
  [
    "paint",
    /^(PrePaint|Paint|Layerize|UpdateLayer|UpdateLayerTree|CompositeLayers|Commit|RasterTask|Decode|LocalFrameView::RunPaintLifecyclePhase|LocalFrameView::RunPrePaintLifecyclePhase|LocalFrameView::pushPaintArtifactToCompositor|PaintArtifactCompositor)/,
  ],
];

function phaseOf(name) {
  for (const [phase, pattern] of PHASE_RULES) if (pattern.test(name)) return phase;
  return null;
}

/**
 * Phases as printed, in order; "compile" and "fonts" are parts of "script" and "layout", "ipc"
 * (messages from the browser process, network answers, loading bookkeeping) of "other".
 */
export const PHASES = [
  "script",
  "compile",
  "style",
  "layout",
  "fonts",
  "paint",
  "parse",
  "gc",
  "ipc",
];

/** Duration events of one thread as [{name, start, end, args}] in µs, B/E pairs joined. */
function threadSpans(events, pid, tid) {
  const spans = [];
  const open = [];
  const last = events.reduce((m, e) => Math.max(m, e.ts + (e.dur ?? 0)), 0);
  for (const e of events) {
    if (e.pid !== pid || e.tid !== tid) continue;
    if (e.ph === "X") spans.push({ name: e.name, start: e.ts, end: e.ts + (e.dur ?? 0), e });
    else if (e.ph === "B") open.push(e);
    else if (e.ph === "E") {
      const i = open.findLastIndex((b) => b.name === e.name);
      if (i >= 0) {
        const [b] = open.splice(i, 1);
        spans.push({ name: b.name, start: b.ts, end: e.ts, e: b });
      }
    }
  }
  for (const b of open) spans.push({ name: b.name, start: b.ts, end: last, e: b });
  // Parents before their children: earlier start first, the longer span first on a tie.
  return spans.sort((a, b) => a.start - b.start || b.end - a.end);
}

/**
 * The main thread between `from` and `to` (µs, trace clock): busy time (ms) by phase (each span's
 * own time goes to its phase, or to the phase of the span it runs in, else "other"), and the
 * style and layout updates that ran inside script (forced), with the stack the trace gives them.
 */
export function mainThreadSummary(trace, from, to) {
  const spans = threadSpans(trace.events, trace.pid, trace.tid).filter(
    (s) => s.end > from && s.start < to,
  );
  const clip = (s) => Math.max(0, Math.min(s.end, to) - Math.max(s.start, from));
  const phases = Object.fromEntries([...PHASES, "other"].map((k) => [k, 0]));
  const forced = [];
  const stack = [];
  const account = (node) => {
    phases[node.phase] += (clip(node.span) - node.childTime) / 1000;
  };
  for (const span of spans) {
    while (stack.length && stack[stack.length - 1].span.end <= span.start) account(stack.pop());
    const parent = stack[stack.length - 1];
    // A span that overlaps its parent's end is cut to it (trace events are nested per thread).
    const end = parent ? Math.min(span.end, parent.span.end) : span.end;
    const s = { ...span, end };
    const node = {
      span: s,
      phase: phaseOf(span.name) ?? parent?.phase ?? "other",
      childTime: 0,
      inScript: parent ? parent.inScript || parent.phase === "script" : false,
    };
    if (parent) parent.childTime += clip(s);
    if (
      (span.name === "Layout" || span.name === "UpdateLayoutTree") &&
      (node.inScript || span.e.args?.beginData?.stackTrace?.length)
    )
      forced.push({
        kind: span.name === "Layout" ? "layout" : "style",
        ms: clip(s) / 1000,
        at: s.start,
        stack: span.e.args?.beginData?.stackTrace ?? [],
      });
    stack.push(node);
  }
  while (stack.length) account(stack.pop());
  const busy = Object.values(phases).reduce((a, b) => a + b, 0);
  return { busy, phases, forced };
}

/**
 * The V8 CPU profile of the main thread in the trace, as the Profiler domain gives one
 * ({nodes, samples, timeDeltas, startTime}, µs on the trace clock), with each sample's `lines`
 * and `columns`.
 */
export function traceProfile(trace) {
  const head = trace.events.find(
    (e) => e.name === "Profile" && e.pid === trace.pid && e.tid === trace.tid,
  );
  if (!head) return null;
  const nodes = [];
  const samples = [];
  const timeDeltas = [];
  // Per sample, the position (from 1) in the script running: for a built-in, of its call.
  const lines = [];
  const columns = [];
  for (const e of trace.events) {
    if (e.name !== "ProfileChunk" || e.pid !== head.pid || e.id !== head.id) continue;
    const d = e.args.data;
    for (const n of d.cpuProfile?.nodes ?? []) nodes.push(n);
    for (const s of d.cpuProfile?.samples ?? []) samples.push(s);
    for (const t of d.timeDeltas ?? []) timeDeltas.push(t);
    for (const x of d.lines ?? []) lines.push(x);
    for (const x of d.columns ?? []) columns.push(x);
  }
  return { nodes, samples, timeDeltas, lines, columns, startTime: head.args.data.startTime };
}
