/**
 * The demo's own apps, registered with the in-process emulator at start-up. They are made here,
 * not read from the sample registry, because their referers must name the demo's actual port and
 * because their secrets (appKey, RSA private key) are generated per run: nothing to leak, nothing
 * committed, and they exist only in this process (the browser gets the appId and nothing else).
 */
import { randomBytes } from "node:crypto";
import type { AppRegistration } from "../src/emulator/types";
import { generateRsaKeyPair } from "../src/server/index";
import { DEMO_APP_NAMES, DEMO_PAGES, type DemoAppName } from "./pages";

export interface DemoApp {
  name: DemoAppName;
  label: string;
  appId: string;
  /** Server only: signs getTokenInfo requests and decrypts msisdn. */
  appKey: string;
  /** Server only: signs tokenValidate. */
  privateKeyPem: string;
  publicKeyPem: string;
  registration: AppRegistration;
}

export type DemoApps = Record<DemoAppName, DemoApp>;

interface AppSpec {
  appId: string;
  appName: string;
  /** What the scenario switcher shows. */
  label: string;
  authLevel: "1" | "4" | "5";
  entitlement?: AppRegistration["entitlement"];
  reviewStatus?: AppRegistration["reviewStatus"];
  crossCarrier?: { ct: boolean; cu: boolean };
}

/**
 * appIds are 12 digits in the console; these are chosen to be clearly not production ones and to
 * differ from the emulator's sample registry, so that both can be loaded side by side.
 */
export const DEMO_APP_SPECS: Readonly<Record<DemoAppName, AppSpec>> = Object.freeze({
  default: {
    appId: "300000000901",
    appName: "YDRZ 演示",
    label: "正常应用 (authLevel 4: 补全中间四位)",
    authLevel: "4",
  },
  level1: {
    appId: "300000000902",
    appName: "YDRZ 演示",
    label: "authLevel 1: 确认即登录",
    authLevel: "1",
  },
  level5: {
    appId: "300000000905",
    appName: "YDRZ 演示 (自绘界面)",
    label: "authLevel 5: 自绘界面",
    authLevel: "5",
  },
  "no-cross-carrier": {
    appId: "300000000909",
    appName: "YDRZ 演示",
    label: "异网取号关闭 (电信/联通 → 502)",
    authLevel: "4",
    crossCarrier: { ct: false, cu: false },
  },
  unsubscribed: {
    appId: "300000000923",
    appName: "YDRZ 演示",
    label: "未订购权益 (110023)",
    authLevel: "4",
    entitlement: "unsubscribed",
  },
  expired: {
    appId: "300000000925",
    appName: "YDRZ 演示",
    label: "权益已过期 (110025)",
    authLevel: "4",
    entitlement: "expired",
  },
  reviewing: {
    appId: "300000000999",
    appName: "YDRZ 演示",
    label: "应用审核中",
    authLevel: "4",
    reviewStatus: "审核中",
  },
});

/** The one page whose localhost address is registered as a referer, to make 110026 visible. */
export const ORIGIN_DEMO_PAGE = "/standard-page.html";

/**
 * What the registry holds for the demo. Only `127.0.0.1` is registered, on purpose: the same page
 * opened as `localhost` then fails with 170001 (referer, checked first) — the integration mistake
 * the demo exists to show (seed 003 §2.1/2.2). A browser cannot be made to send a registered
 * Referer with a foreign Origin, so one page's localhost address is registered as a referer
 * while the localhost origin is not: that page, opened as localhost, shows 110026 instead.
 */
export function registeredAddresses(port: number): { referers: string[]; origins: string[] } {
  const origin = `http://127.0.0.1:${port}`;
  // The seed compares the page address without ?query/#fragment: register the bare paths. The
  // index is registered as "/" and "/index.html" because browsers reach it both ways.
  const paths = new Set<string>(["/index.html"]);
  for (const p of DEMO_PAGES) paths.add(p.path);
  const referers = [...paths].map((p) => origin + p);
  referers.push(`http://localhost:${port}${ORIGIN_DEMO_PAGE}`);
  return { referers, origins: [origin] };
}

export function createDemoApps(port: number): DemoApps {
  const { referers, origins } = registeredAddresses(port);
  const origin = origins[0];
  // One integrator, one RSA key pair for all its apps: generating RSA-2048 costs up to a second
  // on a busy machine, and start-up time is what a demo user waits through.
  const keys = generateRsaKeyPair();
  const make = (name: DemoAppName): DemoApp => {
    const spec = DEMO_APP_SPECS[name];
    const appKey = randomBytes(16).toString("hex");
    return {
      name,
      label: spec.label,
      appId: spec.appId,
      appKey,
      privateKeyPem: keys.privateKeyPem,
      publicKeyPem: keys.publicKeyPem,
      registration: {
        appId: spec.appId,
        appKey,
        appName: spec.appName,
        reviewStatus: spec.reviewStatus ?? "审核成功",
        entitlement: spec.entitlement ?? "active",
        referers: [...referers],
        origins: [...origins],
        rsaPublicKey: keys.publicKeyPem,
        // tokenValidate comes from this process, over loopback.
        ipAllowList: ["127.0.0.1", "::1", "::ffff:127.0.0.1"],
        authLevel: spec.authLevel,
        crossCarrier: spec.crossCarrier ?? { ct: true, cu: true },
        pageOption: {
          pageTitle: "本机号码登录",
          agreeButtonText: "本机号码登录",
          agreeButtonColour: "#1B82EB",
          agreeTextColour: "#1B82EB",
          configBusinessName: spec.appName,
        },
        customerPrivacyConfig: { "《YDRZ 演示用户协议》": `${origin}/#agreement` },
      },
    };
  };
  return Object.fromEntries(DEMO_APP_NAMES.map((n) => [n, make(n)])) as DemoApps;
}
