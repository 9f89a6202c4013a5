import { describe, expect, it } from "vitest";
import { jwtClaims, secondsLeft } from "./jwt";

function token(payload: object) {
  const part = btoa(JSON.stringify(payload)).replace(/=+$/, "").replace(/\+/g, "-").replace(/\//g, "_");
  return `eyJhbGciOiJIUzI1NiJ9.${part}.signature`;
}

describe("jwt", () => {
  it("reads the expiry of a Saleor token", () => {
    const now = Date.UTC(2026, 10, 25, 12, 0, 0);
    const t = token({ email: "staff@openorder.test", exp: now / 1000 + 300 });
    expect(jwtClaims(t)?.email).toBe("staff@openorder.test");
    expect(secondsLeft(t, now)).toBe(300);
  });

  it("treats a token without exp as not expiring and garbage as unreadable", () => {
    expect(secondsLeft(token({ email: "x" }))).toBe(Infinity);
    expect(jwtClaims("not-a-token")).toBeNull();
  });
});
