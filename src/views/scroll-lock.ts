/**
 * Body scroll lock that also holds on iOS Safari, where `overflow: hidden` on <body> does not stop
 * touch scrolling: the body is pinned with `position: fixed` at minus the scroll offset, and on
 * release every inline style we touched is put back exactly (value and priority) before the
 * window is scrolled back to where it was. Nested locks share one pin.
 */

/** Inline styles changed by us: [style, property, value before, priority before]. */
export type SavedStyles = [CSSStyleDeclaration, string, string, string][];

/** Sets `prop` with !important on `el`, remembering in `list` what was there. */
export function saveStyle(list: SavedStyles, el: HTMLElement, prop: string, value: string): void {
  const style = el.style;
  list.push([style, prop, style.getPropertyValue(prop), style.getPropertyPriority(prop)]);
  style.setProperty(prop, value, "important");
}

/** Puts back, last change first, what `saveStyle` changed; empties the list. */
export function restoreStyles(list: SavedStyles): void {
  for (const [style, prop, value, priority] of list.splice(0).reverse()) {
    if (value) style.setProperty(prop, value, priority);
    else style.removeProperty(prop);
  }
}

/** [document, scrollX, scrollY, scrollbar width (keeps the page from jumping sideways on desktop)]. */
type Measure = [Document, number, number, number];

/** Elements that had no style attribute before the lock: it is removed again, not left empty. */
let hadNoStyle: HTMLElement[] = [];
let depth = 0;
const saved: SavedStyles = [];
let pinned: Measure | undefined;
let primed: Measure | undefined;

const measure = (doc: Document, win: Window): Measure => [doc, win.pageXOffset || 0, win.pageYOffset || 0, win.innerWidth - doc.documentElement.clientWidth];

/**
 * Reads the scroll position and scrollbar width now, for the `lockScroll` that follows in the
 * same task. Read once the view's CSS is injected and its nodes appended, they would force a full
 * style and layout pass of the page that the lock's own writes then throw away (the largest
 * single cost of opening a view, measured by `npm run bench`).
 */
export function primeScrollLock(doc: Document): void {
  const win = doc.defaultView;
  primed = win && doc.body ? measure(doc, win) : undefined;
  // Only valid for this task: a lock taken later measures afresh.
  if (primed) Promise.resolve().then(() => (primed = undefined));
}

export function lockScroll(doc: Document): () => void {
  const win = doc.defaultView;
  const html = doc.documentElement;
  const body = doc.body;
  if (!depth++ && win && body) {
    const m = (pinned = primed && primed[0] == doc ? primed : measure(doc, win));
    primed = undefined;
    hadNoStyle = [html, body].filter((el) => !el.hasAttribute("style"));
    saveStyle(saved, html, "overflow", "hidden");
    saveStyle(saved, body, "position", "fixed");
    saveStyle(saved, body, "top", -m[2] + "px");
    saveStyle(saved, body, "left", -m[1] + "px");
    saveStyle(saved, body, "right", "0");
    saveStyle(saved, body, "overflow", "hidden");
    if (m[3] > 0) saveStyle(saved, body, "padding-right", m[3] + "px");
  }
  let released = false;
  return () => {
    if (released) return;
    released = true;
    if (--depth) return;
    restoreStyles(saved);
    if (win && pinned) {
      // An integrator's `scroll-behavior: smooth` would animate the jump back; make it instant.
      saveStyle(saved, html, "scroll-behavior", "auto");
      try {
        win.scrollTo(pinned[1], pinned[2]);
      } catch {
        /* jsdom does not implement scrolling */
      }
      restoreStyles(saved);
    }
    for (const el of hadNoStyle) if (el.getAttribute("style") == "") el.removeAttribute("style");
    hadNoStyle = [];
  };
}

/** For tests: whether a lock is held. */
export function isScrollLocked(): boolean {
  return depth > 0;
}
