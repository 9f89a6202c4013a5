/** The claims of a JWT, read without verifying it (the server verifies). */
export function jwtClaims(token: string): { exp?: number; email?: string; [k: string]: unknown } | null {
  const part = token.split(".")[1];
  if (!part) return null;
  try {
    const base64 = part.replace(/-/g, "+").replace(/_/g, "/");
    const padded = base64 + "=".repeat((4 - (base64.length % 4)) % 4);
    return JSON.parse(atob(padded));
  } catch {
    return null;
  }
}

/** Seconds until the token expires (Infinity when it carries no `exp`). */
export function secondsLeft(token: string, now = Date.now()): number {
  const exp = jwtClaims(token)?.exp;
  return typeof exp === "number" ? exp - now / 1000 : Infinity;
}
