/**
 * The integrator's server side of a real browser login: the token a page got is turned into the
 * number by the demo backend's `/api/login` (tokenValidate with the RSA sign). Tokens are single
 * use, live 2 minutes on the emulator's clock, and the `userInformation` must reach tokenValidate
 * byte for byte — a URL-decoded copy is refused with a message that says so (seed 003 FAQ 6/7).
 */
import { describe, expect, it } from "vitest";
import {
  agree,
  demoApi,
  E2E_SIMS,
  enterDigitsOnKeypad,
  hiddenDigits,
  IPHONE,
  newSession,
  openDemoPage,
  pressLogin,
  submit,
  view,
  type CarrierName,
  type Session,
  browser,
  stack,
  useE2e,
} from "./harness";

useE2e();

let s: Session | undefined;

/**
 * A real login in the browser whose token the page does *not* spend: the demo page's own call to
 * /api/login is refused at the network level, so the test holds an unused token.
 *
 * The page calls /api/login the moment it has the token, so that call may still be held by the
 * route when the test has the callback. Closing the context then does not reliably drop it: on a
 * loaded machine it reached the demo backend, the page spent the token, and the test's own login
 * got 104007 ("already used"). So the context is closed only once the abort has happened, and the
 * emulator is asked that no tokenValidate ran meanwhile.
 */
async function tokenFromBrowser(
  carrier: CarrierName = "CM",
): Promise<{ token: string; userInformation: string; number: string }> {
  const sim = E2E_SIMS[carrier];
  const validationsBefore = (await stack.admin.records({ endpoint: "tokenValidate" })).length;
  s = await newSession(browser, IPHONE);
  let pageLoginStopped: () => void = () => {};
  const stopped = new Promise<void>((resolve) => {
    pageLoginStopped = resolve;
  });
  await s.page.route("**/api/login", async (route) => {
    await route.abort();
    pageLoginStopped();
  });
  await openDemoPage(s, stack, { path: "/standard-popup.html", query: { sim: sim.id } });
  await pressLogin(s);
  await view(s, "standard-popup").waitFor({ state: "visible" });
  await enterDigitsOnKeypad(s, "standard-popup", hiddenDigits(sim.number));
  await agree(s, "standard-popup");
  await submit(s, "standard-popup");
  const ok = await s.rec.final();
  expect(ok.kind).toBe("success");
  await stopped;
  await s.context.close();
  const validations = await stack.admin.records({ endpoint: "tokenValidate" });
  expect(validations, "the page's own /api/login must not have spent the token").toHaveLength(
    validationsBefore,
  );
  s = undefined;
  return {
    token: ok.payload.token,
    userInformation: ok.payload.userInformation,
    number: sim.number,
  };
}

const login = (token: string, userInformation: string) =>
  demoApi(stack, "/api/login", { token, userInformation });

/**
 * Moves the emulator's clock to `ageMs` after the last token was issued, however much real time
 * the browser flow took since: a fixed advance would add the machine's delay to the token's age.
 */
async function clockToTokenAge(ageMs: number): Promise<void> {
  const issued = await stack.admin.records({ endpoint: "authGetToken", resultCode: "103000" });
  const { now } = await stack.admin.get("/clock");
  await stack.admin.advanceClock(Date.parse(issued.at(-1).time) + ageMs - now);
}

describe("tokenValidate through the demo backend", () => {
  it("a token is single use: the first /api/login returns the number, the second 104007", async () => {
    const t = await tokenFromBrowser("CT");
    const first = await login(t.token, t.userInformation);
    expect(first).toEqual({
      status: 200,
      json: {
        phone: t.number,
        securityPhone: t.number.slice(0, 3) + "****" + t.number.slice(7),
        resultCode: "103000",
      },
    });
    const again = await login(t.token, t.userInformation);
    expect(again.status).toBe(401);
    expect(again.json.resultCode).toBe("104007");
    expect(again.json.desc).toMatch(/^token不存在/);
    expect(again.json.desc).toContain("already used");
    // Only the successful number return is billable.
    const validations = await stack.admin.records({ endpoint: "tokenValidate" });
    expect(validations.map((r) => [r.resultCode, r.billable])).toEqual([
      ["103000", true],
      ["104007", false],
    ]);
  });

  it("a token expires after 2 minutes on the emulator's clock: valid at +110 s, 104007 at +121 s", async () => {
    const early = await tokenFromBrowser("CM");
    await clockToTokenAge(110_000);
    expect((await login(early.token, early.userInformation)).json).toMatchObject({
      phone: early.number,
      resultCode: "103000",
    });

    const late = await tokenFromBrowser("CU");
    await clockToTokenAge(121_000);
    const expired = await login(late.token, late.userInformation);
    expect(expired.status).toBe(401);
    expect(expired.json.resultCode).toBe("104007");
    expect(expired.json.desc).toContain("expired");
  });

  it("a URL-decoded userInformation is refused with 104008 saying so; the untouched one then validates", async () => {
    const t = await tokenFromBrowser("CM");
    // The fingerprint is URL-encoded Base64: something for a careless server to decode.
    expect(t.userInformation).toMatch(/%[0-9A-F]{2}/);
    const decoded = decodeURIComponent(t.userInformation);
    expect(decoded).not.toBe(t.userInformation);

    const refused = await login(t.token, decoded);
    expect(refused.status).toBe(401);
    expect(refused.json.resultCode).toBe("104008");
    expect(refused.json.desc).toContain("URL-decoded");

    // The refusal did not spend the token.
    const ok = await login(t.token, t.userInformation);
    expect(ok.json).toMatchObject({ phone: t.number, resultCode: "103000" });
  });
});
