/**
 * Body scroll lock that also holds on iOS Safari, where `overflow: hidden` on <body> does not stop
 * touch scrolling: the body is pinned with `position: fixed` at minus the scroll offset, and on
 * release every inline style we touched is put back exactly (value and priority) before the
 * window is scrolled back to where it was. Nested locks share one pin.
 */

/** What to do to put things back, run last first by `undo`. */
export type Undo = (() => void)[];

export const undo = (list: Undo): void => {
  while (list.length) list.pop()!();
};

/**
 * Sets `prop` with !important on `el`; `list` gets the step that puts back what was there (and
 * removes the style attribute again if it only exists because of us).
 */
export function swapStyle(list: Undo, el: HTMLElement, prop: string, value: string): void {
  const style = el.style;
  const had = el.hasAttribute("style");
  const before = style.getPropertyValue(prop);
  const priority = style.getPropertyPriority(prop);
  list.push(() => {
    if (before) style.setProperty(prop, before, priority);
    else style.removeProperty(prop);
    // Reading the attribute first: Chromium writes the declarations back to it lazily.
    if (!had && !el.getAttribute("style")) el.removeAttribute("style");
  });
  style.setProperty(prop, value, "important");
}

let depth = 0;
const held: Undo = [];
let primed: number[] | undefined;

const offsets = (win: Window): number[] => [win.scrollX, win.scrollY];

/**
 * Reads the scroll position now, for the `lockScroll` that follows in the same task. Read once
 * the view's CSS is injected and its nodes appended, it would force a full style and layout pass
 * of the page that the lock's own writes then throw away (the largest single cost of opening a
 * view, measured by `npm run bench`).
 */
export function primeScrollLock(doc: Document): void {
  primed = offsets(doc.defaultView!);
  // Only valid for this task: a lock taken later measures afresh.
  Promise.resolve().then(() => (primed = undefined));
}

export function lockScroll(doc: Document): () => void {
  const win = doc.defaultView!;
  const html = doc.documentElement;
  if (!depth++) {
    const [x, y] = primed || offsets(win);
    // Runs last, once the styles are back: an integrator's `scroll-behavior: smooth` would
    // animate the jump back, so it is made instant meanwhile.
    held.push(() => {
      const instant: Undo = [];
      swapStyle(instant, html, "scroll-behavior", "auto");
      win.scrollTo(x, y);
      undo(instant);
    });
    swapStyle(held, html, "overflow", "hidden");
    for (const [prop, value] of [
      ["position", "fixed"],
      ["top", -y + "px"],
      ["left", -x + "px"],
      ["right", "0"],
      ["overflow", "hidden"],
    ])
      swapStyle(held, doc.body, prop, value);
  }
  return () => {
    if (!--depth) undo(held);
  };
}

/** For tests: whether a lock is held. */
export const isScrollLocked = (): boolean => depth > 0;
