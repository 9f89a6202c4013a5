import { afterEach, describe, expect, it, vi } from "vitest";
import { mockGraphQL } from "../test/graphql";
import { REFRESH_STORAGE_KEY, Session, session, STORAGE_KEY } from "./session";
import { forgetHost, signIn } from "./signIn";

function jwt(payload: object) {
  const part = btoa(JSON.stringify(payload)).replace(/=+$/, "").replace(/\+/g, "-").replace(/\//g, "_");
  return `eyJhbGciOiJIUzI1NiJ9.${part}.signature`;
}
/** A token about to expire (within the minute the board refreshes in). */
const expiring = (email = "staff@openorder.test") => jwt({ email, exp: Math.floor(Date.now() / 1000) + 30 });
const fresh = jwt({ email: "staff@openorder.test", exp: Math.floor(Date.now() / 1000) + 3600 });

afterEach(() => {
  forgetHost();
  session.signOut();
});

describe("refreshing the token, per host", () => {
  it("on Saleor 2.10 (no refresh token) sends tokenRefresh(token:)", async () => {
    const sent = mockGraphQL({ TokenRefresh: () => ({ tokenRefresh: { token: fresh } }) });
    const s = new Session();
    const old = expiring();
    s.set(old);
    expect(await s.validToken()).toBe(fresh);
    expect(sent.map((r) => [r.operation, r.variables])).toEqual([["TokenRefresh", { token: old }]]);
    expect(sent[0].query).toMatch(/tokenRefresh\(token: \$token\)/);
    expect(window.localStorage.getItem(STORAGE_KEY)).toBe(fresh);
    expect(window.localStorage.getItem(REFRESH_STORAGE_KEY)).toBeNull();
  });

  it("on Saleor 3 sends tokenRefresh(refreshToken:) with the refresh token tokenCreate gave, and keeps it", async () => {
    const sent = mockGraphQL({ TokenRefreshSaleor3: () => ({ tokenRefresh: { token: fresh, errors: [] } }) });
    const s = new Session();
    s.set(expiring(), { refreshToken: "refresh-1" });
    expect(window.localStorage.getItem(REFRESH_STORAGE_KEY)).toBe("refresh-1");
    expect(await s.validToken()).toBe(fresh);
    expect(sent.map((r) => [r.operation, r.variables])).toEqual([["TokenRefreshSaleor3", { refreshToken: "refresh-1" }]]);
    expect(sent[0].query).toMatch(/tokenRefresh\(refreshToken: \$refreshToken\)/);
    // A page opened later refreshes the same way.
    const later = new Session();
    expect(later.current).toBe(fresh);
    mockGraphQL({ TokenRefreshSaleor3: (variables) => ({ tokenRefresh: { token: variables.refreshToken === "refresh-1" ? fresh : null, errors: [] } }) });
    expect(await later.refresh()).toBe(fresh);
  });

  it("signs out cleanly when the server refuses the refresh", async () => {
    mockGraphQL({
      TokenRefreshSaleor3: () => ({ tokenRefresh: { token: null, errors: [{ field: "refreshToken", code: "JWT_INVALID_TOKEN", message: "Invalid token" }] } }),
    });
    const s = new Session();
    const seen: (string | null)[] = [];
    s.subscribe((token) => seen.push(token));
    s.set(expiring(), { refreshToken: "revoked" });
    expect(await s.validToken()).toBeNull();
    expect(s.current).toBeNull();
    expect(seen[seen.length - 1]).toBeNull();
    expect(window.localStorage.getItem(STORAGE_KEY)).toBeNull();
    expect(window.localStorage.getItem(REFRESH_STORAGE_KEY)).toBeNull();
  });

  it("signs out when the refresh document is refused (a GraphQL error, no data)", async () => {
    mockGraphQL({}); // every operation answers with an error
    const s = new Session();
    s.set(expiring());
    expect(await s.refresh()).toBeNull();
    expect(s.current).toBeNull();
  });

  it("keeps a still valid token through network trouble", async () => {
    const s = new Session();
    const old = expiring();
    s.set(old);
    vi.stubGlobal("fetch", () => Promise.reject(new TypeError("Failed to fetch")));
    expect(await s.refresh()).toBe(old);
    expect(s.current).toBe(old);
  });

  it("never refreshes a dashboard's token (the dashboard sends tokenRefresh events)", async () => {
    const sent = mockGraphQL({});
    const s = new Session();
    const handed = expiring();
    s.set(handed, { embedded: true });
    expect(await s.validToken()).toBe(handed);
    expect(sent).toEqual([]);
    expect(window.localStorage.getItem(STORAGE_KEY)).toBeNull();
  });
});

describe("signing in, per host", () => {
  const probe = (fields: string[]) => () => ({ __type: { fields: fields.map((name) => ({ name })) } });

  it("asks the schema, then signs in on Saleor 3 with the document that returns a refresh token", async () => {
    const sent = mockGraphQL({
      TokenCreateFields: probe(["token", "refreshToken", "csrfToken", "user", "errors"]),
      TokenCreateSaleor3: () => ({ tokenCreate: { token: fresh, refreshToken: "refresh-3", user: { email: "s@x.id", isStaff: true }, errors: [] } }),
    });
    expect(await signIn("s@x.id", "secret")).toBe("signedIn");
    expect(sent.map((r) => r.operation)).toEqual(["TokenCreateFields", "TokenCreateSaleor3"]);
    expect(sent[1].variables).toEqual({ email: "s@x.id", password: "secret" });
    expect(session.current).toBe(fresh);
    expect(window.localStorage.getItem(REFRESH_STORAGE_KEY)).toBe("refresh-3");
  });

  it("signs in on Saleor 2.10 with its own tokenCreate, and keeps no refresh token", async () => {
    const sent = mockGraphQL({
      TokenCreateFields: probe(["token", "user", "accountErrors"]),
      TokenCreate: () => ({ tokenCreate: { token: fresh, user: { email: "s@x.id", isStaff: true }, accountErrors: [] } }),
    });
    expect(await signIn("s@x.id", "secret")).toBe("signedIn");
    expect(sent.map((r) => r.operation)).toEqual(["TokenCreateFields", "TokenCreate"]);
    expect(session.current).toBe(fresh);
    expect(window.localStorage.getItem(REFRESH_STORAGE_KEY)).toBeNull();
  });

  it("refuses a wrong password and an account that is not staff", async () => {
    mockGraphQL({
      TokenCreateFields: probe(["token", "refreshToken"]),
      TokenCreateSaleor3: (variables) =>
        variables.password === "wrong"
          ? { tokenCreate: { token: null, refreshToken: null, user: null, errors: [{ field: "email", code: "INVALID_CREDENTIALS", message: "no" }] } }
          : { tokenCreate: { token: fresh, refreshToken: "r", user: { email: "b@x.id", isStaff: false }, errors: [] } },
    });
    expect(await signIn("s@x.id", "wrong")).toBe("failed");
    expect(await signIn("b@x.id", "secret")).toBe("notStaff");
    expect(session.current).toBeNull();
  });
});
