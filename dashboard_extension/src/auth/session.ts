// The staff member's token: from sign-in (Saleor's tokenCreate) or handed over
// by an embedding dashboard (app bridge). Refreshed shortly before it
// expires, so a day on the board is not interrupted: on Saleor 3 with the
// refresh token tokenCreate gave (kept in localStorage, as Saleor's own
// dashboard keeps it), on Saleor 2.10 (which has none) with the token itself.
// A refresh the server refuses signs out.
import { TOKEN_REFRESH } from "../api/operations";
import { TOKEN_REFRESH_SALEOR3 } from "../api/saleor3Auth";
import { secondsLeft, jwtClaims } from "./jwt";

export const STORAGE_KEY = "openorder.dashboard.token";
export const REFRESH_STORAGE_KEY = "openorder.dashboard.refreshToken";
const REFRESH_MARGIN_SECONDS = 60;

type Listener = (token: string | null) => void;

function stored(key: string): string | null {
  try {
    return window.localStorage.getItem(key);
  } catch {
    return null;
  }
}

function store(key: string, value: string | null) {
  try {
    if (value) window.localStorage.setItem(key, value);
    else window.localStorage.removeItem(key);
  } catch {
    /* storage unavailable: the token lives for this page only */
  }
}

/** The refresh request for the host the token is from: a refresh token
 * exists only on Saleor 3. */
export function refreshRequest(token: string, refreshToken: string | null) {
  if (refreshToken) return { query: TOKEN_REFRESH_SALEOR3, variables: { refreshToken } };
  return { query: TOKEN_REFRESH, variables: { token } };
}

export class Session {
  private token: string | null;
  private refreshToken: string | null;
  private embedded = false;
  private awaitingDashboard = false;
  private listeners = new Set<Listener>();
  private refreshing: Promise<string | null> | null = null;

  constructor() {
    this.token = stored(STORAGE_KEY);
    this.refreshToken = this.token ? stored(REFRESH_STORAGE_KEY) : null;
  }

  get current() {
    return this.token;
  }

  get email(): string | null {
    const claims = this.token ? jwtClaims(this.token) : null;
    return (claims?.email as string) ?? null;
  }

  get isEmbedded() {
    return this.embedded;
  }

  /** Mounted by a dashboard that has not handed its token over yet: no
   * sign-in form meanwhile. */
  get isAwaitingDashboard() {
    return this.awaitingDashboard && !this.token;
  }

  awaitDashboard(waiting: boolean) {
    this.awaitingDashboard = waiting;
    this.listeners.forEach((listener) => listener(this.token));
  }

  /** `refreshToken`: Saleor 3's, from tokenCreate (Saleor 2.10 has none). */
  set(token: string | null, { embedded = false, refreshToken = null as string | null } = {}) {
    this.token = token;
    this.embedded = embedded;
    this.refreshToken = token && !embedded ? refreshToken : null;
    if (embedded) {
      // A token handed over by the embedding dashboard is its to keep (and
      // to refresh: it sends tokenRefresh events).
      this.awaitingDashboard = false;
    } else {
      store(STORAGE_KEY, token);
      store(REFRESH_STORAGE_KEY, this.refreshToken);
    }
    this.listeners.forEach((listener) => listener(token));
  }

  signOut() {
    this.set(null);
  }

  subscribe(listener: Listener) {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** The server refused the token: sign out when it has expired. */
  reportAuthProblem() {
    if (this.token && !this.embedded && secondsLeft(this.token) <= 0) this.signOut();
  }

  /** The token to send now, refreshed first when it is about to expire. */
  async validToken(): Promise<string | null> {
    const token = this.token;
    if (!token) return null;
    if (this.embedded || secondsLeft(token) > REFRESH_MARGIN_SECONDS) return token;
    return this.refresh();
  }

  refresh(): Promise<string | null> {
    if (!this.refreshing) {
      this.refreshing = this.doRefresh().finally(() => {
        this.refreshing = null;
      });
    }
    return this.refreshing;
  }

  private async doRefresh(): Promise<string | null> {
    const token = this.token;
    const refreshToken = this.refreshToken;
    if (!token || this.embedded) return token;
    let body: { data?: { tokenRefresh?: { token?: string | null } | null } } | null;
    try {
      const response = await fetch("/graphql/", {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify(refreshRequest(token, refreshToken)),
      });
      body = await response.json();
    } catch {
      // Network trouble: keep the token while it is still valid.
      if (secondsLeft(token) > 0) return token;
      this.signOut();
      return null;
    }
    const fresh = body?.data?.tokenRefresh?.token;
    if (fresh) {
      if (this.token === token) this.set(fresh, { refreshToken });
      return fresh;
    }
    // Refused (an expired or revoked refresh token, a deactivated account):
    // sign out cleanly rather than send a token the server will refuse.
    if (this.token === token) this.signOut();
    return null;
  }

  /** Refresh in the background a minute before expiry; returns a stop function. */
  keepFresh(): () => void {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const schedule = () => {
      if (timer) clearTimeout(timer);
      const token = this.token;
      if (!token || this.embedded) return;
      const left = secondsLeft(token);
      if (!Number.isFinite(left)) return;
      const wait = Math.max(0, (left - REFRESH_MARGIN_SECONDS) * 1000);
      timer = setTimeout(() => void this.refresh(), wait);
    };
    schedule();
    const unsubscribe = this.subscribe(schedule);
    return () => {
      if (timer) clearTimeout(timer);
      unsubscribe();
    };
  }
}

export const session = new Session();
