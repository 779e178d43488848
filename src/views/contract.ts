/**
 * The seam between the flow (src/sdk) and the views (src/views). The flow decides *what* to show
 * and talks to the gateway; a view only draws, collects digits and the agreement tick, and
 * reports the user's intent. The flow receives `mountView` as a dependency so that its tests can
 * use a fake view.
 */

import type { Carrier } from "../protocol/hosts";
import type { PageOption } from "../protocol/wire";
import type { AgreementLink, CustomPopupOptions, PageOptions } from "../sdk/types";

export type ViewKind =
  /** authPageType "1": centred popup with mask, options from `getPageOption`. */
  | "standard-popup"
  /** authPageType "2" without `maskStyle.ifShowMask`: drawn inside the integrator's container. */
  | "custom-popup"
  /** authPageType "2" with `maskStyle.ifShowMask`: floats over the page. */
  | "custom-popup-mask"
  /** authPageType "3": full page from `authPageInit` options. */
  | "custom-page"
  /** Any other authPageType: full page with built-in defaults. */
  | "standard-page";

/** What a view draws: its kind, the number, the texts and options (untrusted). */
export interface ViewModel {
  /** Which view to draw. */
  kind: ViewKind;
  /** The carrier that fetched the number (chooses the carrier agreement link). */
  carrier: Carrier;
  /** e.g. `138****1234`. Untrusted gateway data. */
  maskPhone: string;
  /** "1": confirm the shown number; "4": type the hidden digits. */
  authLevel: "1" | "4";
  /** The business name shown in the agreement line (`appName` / `configBusinessName`). */
  appName: string;
  /** `customerPrivacyConfig` from the gateway, already turned into links (still untrusted). */
  privacyLinks: AgreementLink[];
  /** standard-popup: page options from the gateway (may be absent when that call failed). */
  pageOption?: PageOption;
  /** custom-popup(-mask): from `CustomControlsInit`. */
  popupOptions?: CustomPopupOptions;
  /** custom-page: from `authPageInit`. */
  pageOptions?: PageOptions;
  /** custom-popup: the integrator's container (the flow resolves it; 506 when missing). */
  container?: HTMLElement;
  /**
   * Inject the SDK's CSS into <head> on first mount (default true): `SdkConfig.injectCss`.
   * Off when the integrator links `style.css` themselves (e.g. under a strict CSP).
   */
  injectCss?: boolean;
  /**
   * `prepare`'s pre-draw (index.ts `rehearseView`): built, laid out and removed in one task, so
   * never painted, and never modal (no focus moved, nothing made inert, no scroll lock).
   */
  rehearsal?: boolean;
}

/** What the view tells the flow: submit, cancel, ready. */
export interface ViewHandlers {
  /**
   * The user asked for the token with complete digits and the agreement ticked ("" for authLevel
   * "1"). The flow requests the token and then calls `busy`, `wrongDigits` or `destroy`.
   * Not called by the custom popup without mask: it waits for `authGetTokenByLayer`.
   * Called at most once until the flow answers with `busy(false)` or `wrongDigits()` (a double
   * tap does not send two requests).
   */
  submit(digits: string): void;
  /** Close button, return button, Escape: the user cancelled (501). Called at most once. */
  cancel(): void;
  /**
   * custom-popup: called each time "digits complete and agreement ticked" becomes true (and, for
   * authLevel "1" without mask, when its confirm button is pressed with the agreement ticked).
   */
  ready?(): void;
}

/** What the user has done in the view so far. */
export interface ViewState {
  /** The hidden digits typed so far. */
  digits: string;
  /** All hidden digits typed (always true for authLevel "1"). */
  complete: boolean;
  /** The agreement is ticked. */
  agreed: boolean;
}

/** A drawn view, as the flow drives it. */
export interface MountedView {
  /** Shows/hides the loading state ("请稍候...") and blocks input while the token request runs. */
  busy(on: boolean): void;
  /** 104012: shows "号码有误，请重新填写", clears the digits and focuses the first cell. */
  wrongDigits(): void;
  /** Shows a short message (1.5 s), e.g. "未补齐4位号码". */
  toast(text: string): void;
  /** The digits and the tick as they are now. */
  state(): ViewState;
  /** Removes every node and listener, restores focus and scrolling. Idempotent. */
  destroy(): void;
}

/** Draws a view (src/views `mountView`; a stand-in in tests). */
export type MountView = (model: ViewModel, handlers: ViewHandlers) => MountedView;
