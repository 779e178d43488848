/**
 * Body scroll lock that also holds on iOS Safari, where `overflow: hidden` on <body> does not stop
 * touch scrolling: the body is pinned with `position: fixed` at minus the scroll offset, and on
 * release every inline style we touched is put back exactly (value and priority) before the
 * window is scrolled back to where it was. Nested locks share one pin.
 */

/** What to do to put things back, run last first by `undo`. */
export type Undo = (() => void)[];

/** Runs and empties `list`, last step first. */
export function undo(list: Undo): void {
  let step = list.pop();
  while (step) {
    step();
    step = list.pop();
  }
}

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

/** How many locks are held; the first pins the body, the last release unpins it. */
let depth = 0;
/** The steps that release the pin. */
const held: Undo = [];
/** The scroll position read by `primeScrollLock` for the current task. */
let primed: number[] | undefined;

const offsets = (win: Window): number[] => [win.scrollX, win.scrollY];

const forgetPrimed = (): void => {
  primed = undefined;
};

/**
 * Reads the scroll position now, for the `lockScroll` that follows in the same task. Read once
 * the view's CSS is injected and its nodes appended, it would force a full style and layout pass
 * of the page that the lock's own writes then throw away (the largest single cost of opening a
 * view, measured by `npm run bench`).
 */
export function primeScrollLock(doc: Document): void {
  primed = offsets(doc.defaultView!);
  // Only valid for this task: a lock taken later measures afresh. A microtask is the earliest
  // moment after it (a resolved promise rather than queueMicrotask, which older WebViews lack).
  // eslint-disable-next-line @typescript-eslint/no-floating-promises -- forgetPrimed cannot throw
  Promise.resolve().then(forgetPrimed);
}

export function lockScroll(doc: Document): () => void {
  const win = doc.defaultView!;
  const html = doc.documentElement;
  depth += 1;
  if (depth === 1) {
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
      ["top", String(-y) + "px"],
      ["left", String(-x) + "px"],
      ["right", "0"],
      ["overflow", "hidden"],
    ]) {
      swapStyle(held, doc.body, prop, value);
    }
  }
  return () => {
    depth -= 1;
    if (depth === 0) undo(held);
  };
}

/** For tests: whether a lock is held. */
export const isScrollLocked = (): boolean => depth > 0;
