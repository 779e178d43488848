/** Building DOM without markup strings: every text is a text node, every attribute a literal. */

import { safeUrl } from "./sanitize";

/** The views' title, submit text and, without a title, their accessible name. */
export const TITLE = "本机号码登录";

let idCount = 0;

/** A document-unique id (for aria references) starting with `prefix`. */
export function uid(prefix: string): string {
  idCount += 1;
  return prefix + String(idCount);
}

/** Attributes by name; an undefined value (an optional id) sets none. */
export type Attrs = Record<string, string | undefined>;

/** What `h` accepts as children: texts become text nodes, empty values are skipped. */
export type Child = Node | string | null | undefined | false;

/**
 * `h(tag, className, attrs, children)`: an element with its classes, attributes and children.
 * Texts among the children become text nodes (never markup).
 */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  className: string,
  attrs: Attrs = {},
  children: Child[] = [],
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  // Every button of ours is a plain button: none may submit a host <form> it sits in.
  if (tag === "button") el.setAttribute("type", "button");
  if (className) el.className = className;
  // Own keys only: a host page's polluted Object.prototype must not add attributes (onclick…).
  for (const name of Object.keys(attrs)) {
    const value = attrs[name];
    if (typeof value === "string") el.setAttribute(name, value);
  }
  for (const child of children) {
    if (child) el.append(child);
  }
  return el;
}

/** Class names joined by spaces, the empty ones left out. */
export function classNames(...names: (string | undefined)[]): string {
  return names.filter((name) => name).join(" ");
}

/** Focus without scrolling the page (engines that do not know the option ignore it). */
export const QUIET: FocusOptions = { preventScroll: true };

/** Runs a callback we do not control: its error is logged, never thrown into a DOM event. */
export function safeCall(fn: () => void): void {
  try {
    fn();
  } catch (error) {
    console.error(error);
  }
}

/** A decorative image (its meaning is carried by the element around it). */
export function img(src: string, className: string): HTMLImageElement {
  return h("img", className, { src, alt: "" });
}

const SVG_NS = "http://www.w3.org/2000/svg";

/**
 * Small stroked icons drawn inline (no request needed to paint them): one path each (a path of
 * several "M" subpaths strokes the same as several paths; the CSS never fills them).
 */
const ICONS = {
  close: "M6 6 18 18M18 6 6 18",
  back: "M15 4 7 12l8 8",
  delete: "M9 5h11v14H9l-6-7zM12 9l5 6M17 9l-5 6",
  check: "M5 12.5 10 17l9-10",
  phone:
    "M8.5 2.5h7a1.5 1.5 0 0 1 1.5 1.5v16a1.5 1.5 0 0 1-1.5 1.5h-7A1.5 1.5 0 0 1 7 20V4" +
    "a1.5 1.5 0 0 1 1.5-1.5zM10.5 18.5h3",
} as const;

/** The name of one of our inline icons. */
export type IconName = keyof typeof ICONS;

export function icon(name: IconName, className = ""): SVGSVGElement {
  const svg = document.createElementNS(SVG_NS, "svg");
  svg.setAttribute("viewBox", "0 0 24 24");
  svg.setAttribute("aria-hidden", "true");
  svg.setAttribute("focusable", "false");
  svg.setAttribute("class", classNames("ydrz-icon", className));
  const path = document.createElementNS(SVG_NS, "path");
  path.setAttribute("d", ICONS[name]);
  svg.appendChild(path);
  return svg;
}

/** A close or return button (see `iconButton`). */
export interface IconButtonOptions {
  /** The button's id (the original's, e.g. `YDRZ_Closebtn`). */
  id: string;
  className: string;
  /** Its accessible name (it shows no text). */
  label: string;
  /** Our inline icon, shown when there is no image. */
  icon: IconName;
  /** The integrator's image URL (untrusted: it passes the image allow-list). */
  imageUrl?: unknown;
  /** The class of the integrator's image. */
  imageClass?: string;
}

/**
 * A close or return button labelled for assistive technology, showing the integrator's image
 * or our inline icon.
 */
export function iconButton(options: IconButtonOptions): HTMLButtonElement {
  const src = safeUrl(options.imageUrl, "image");
  const content = src ? img(src, options.imageClass || "") : icon(options.icon);
  return h("button", options.className, { id: options.id, "aria-label": options.label }, [content]);
}

/** The dimmed backdrop of a popup. */
export function mask(): HTMLElement {
  return h("div", "ydrz-layer-mark", { "aria-hidden": "true" });
}

/** Listener bookkeeping so that `destroy` removes every listener it added. */
export class Listeners {
  private readonly offs: (() => void)[] = [];

  on<E extends Event = Event>(
    target: EventTarget,
    type: string,
    fn: (event: E) => void,
    options?: AddEventListenerOptions | boolean,
  ): void {
    const listener = fn as EventListener;
    target.addEventListener(type, listener, options);
    this.offs.push(() => target.removeEventListener(type, listener, options));
  }

  clear(): void {
    // removeEventListener never throws, even for a node that is gone.
    for (const off of this.offs.splice(0)) off();
  }
}
