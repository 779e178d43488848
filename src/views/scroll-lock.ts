/**
 * Body scroll lock that also holds on iOS Safari, where `overflow: hidden` on <body> does not stop
 * touch scrolling: the body is pinned with `position: fixed` at minus the scroll offset, and on
 * release every inline style we touched is put back exactly (value and priority) before the
 * window is scrolled back to where it was. Nested locks share one pin.
 */

type Saved = { el: HTMLElement; prop: string; value: string; priority: string }[];

/** Elements that had no style attribute before the lock: it is removed again, not left empty. */
let hadNoStyle: HTMLElement[] = [];

let depth = 0;
let saved: Saved = [];
let scrollX = 0;
let scrollY = 0;

function set(list: Saved, el: HTMLElement, prop: string, value: string): void {
  list.push({ el, prop, value: el.style.getPropertyValue(prop), priority: el.style.getPropertyPriority(prop) });
  el.style.setProperty(prop, value, "important");
}

interface Measure {
  doc: Document;
  x: number;
  y: number;
  /** Keeps the page from jumping sideways when the scrollbar disappears on desktop. */
  scrollbar: number;
}

let primed: Measure | undefined;

function measure(doc: Document, win: Window): Measure {
  return { doc, x: win.pageXOffset || 0, y: win.pageYOffset || 0, scrollbar: win.innerWidth - doc.documentElement.clientWidth };
}

/**
 * Reads the scroll position and scrollbar width now, for the `lockScroll` that follows in the
 * same task. Read once the view's CSS is injected and its nodes appended, they would force a full
 * style and layout pass of the page that the lock's own writes then throw away (the largest
 * single cost of opening a view, measured by `npm run bench`).
 */
export function primeScrollLock(doc: Document = document): void {
  const win = doc.defaultView;
  primed = win && doc.body ? measure(doc, win) : undefined;
  // Only valid for this task: a lock taken later measures afresh.
  if (primed) Promise.resolve().then(() => (primed = undefined));
}

export function lockScroll(doc: Document = document): () => void {
  const win = doc.defaultView;
  if (depth++ === 0 && win && doc.body) {
    const m = primed && primed.doc === doc ? primed : measure(doc, win);
    primed = undefined;
    scrollX = m.x;
    scrollY = m.y;
    const html = doc.documentElement;
    const body = doc.body;
    const list: Saved = [];
    hadNoStyle = [html, body].filter((el) => !el.hasAttribute("style"));
    const scrollbar = m.scrollbar;
    set(list, html, "overflow", "hidden");
    set(list, body, "position", "fixed");
    set(list, body, "top", `${-scrollY}px`);
    set(list, body, "left", `${-scrollX}px`);
    set(list, body, "right", "0");
    set(list, body, "overflow", "hidden");
    if (scrollbar > 0) set(list, body, "padding-right", `${scrollbar}px`);
    saved = list;
  }
  let released = false;
  return () => {
    if (released) return;
    released = true;
    if (--depth > 0) return;
    depth = 0;
    const list = saved;
    saved = [];
    for (let i = list.length - 1; i >= 0; i--) {
      const { el, prop, value, priority } = list[i];
      if (value) el.style.setProperty(prop, value, priority);
      else el.style.removeProperty(prop);
    }
    const bare = hadNoStyle;
    hadNoStyle = [];
    if (win) {
      // An integrator's `scroll-behavior: smooth` would animate the jump back; make it instant.
      const html = doc.documentElement;
      const behaviour = html.style.getPropertyValue("scroll-behavior");
      const priority = html.style.getPropertyPriority("scroll-behavior");
      html.style.setProperty("scroll-behavior", "auto", "important");
      try {
        win.scrollTo(scrollX, scrollY);
      } catch {
        /* jsdom does not implement scrolling */
      }
      if (behaviour) html.style.setProperty("scroll-behavior", behaviour, priority);
      else html.style.removeProperty("scroll-behavior");
    }
    for (const el of bare) if (el.getAttribute("style") === "") el.removeAttribute("style");
  };
}

/** For tests: whether a lock is held. */
export function isScrollLocked(): boolean {
  return depth > 0;
}
