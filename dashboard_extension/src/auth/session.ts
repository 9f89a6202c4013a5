// The staff member's token: from sign-in (Saleor's tokenCreate) or handed over
// by an embedding dashboard (app bridge). Refreshed with Saleor's tokenRefresh
// shortly before it expires, so a day on the board is not interrupted.
import { TOKEN_REFRESH } from "../api/operations";
import { secondsLeft, jwtClaims } from "./jwt";

const STORAGE_KEY = "openorder.dashboard.token";
const REFRESH_MARGIN_SECONDS = 60;


type Listener = (token: string | null) => void;

class Session {
  private token: string | null = null;
  private embedded = false;
  private listeners = new Set<Listener>();
  private refreshing: Promise<string | null> | null = null;

  constructor() {
    try {
      this.token = window.localStorage.getItem(STORAGE_KEY);
    } catch {
      this.token = null;
    }
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

  set(token: string | null, { embedded = false } = {}) {
    this.token = token;
    this.embedded = embedded;
    try {
      // A token handed over by the embedding dashboard is its to keep.
      if (token && !embedded) window.localStorage.setItem(STORAGE_KEY, token);
      else if (!token) window.localStorage.removeItem(STORAGE_KEY);
    } catch {
      /* storage unavailable: the token lives for this page only */
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
    if (this.token && secondsLeft(this.token) <= 0) this.signOut();
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
    if (!token) return null;
    try {
      const response = await fetch("/graphql/", {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ query: TOKEN_REFRESH, variables: { token } }),
      });
      const body = await response.json();
      const fresh: string | undefined = body?.data?.tokenRefresh?.token;
      if (fresh) {
        this.set(fresh);
        return fresh;
      }
    } catch {
      /* network trouble: keep the token while it is still valid */
      if (secondsLeft(token) > 0) return token;
    }
    if (secondsLeft(token) > 0) return token;
    this.signOut();
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
