// When a Saleor dashboard mounts this app (an app extension in an iframe), it
// hands over the staff member's token through @saleor/app-sdk's app bridge;
// the order page's widget reports its height back through the same bridge.
import type { AppBridge } from "@saleor/app-sdk/app-bridge";
import { session } from "./session";

type Sdk = typeof import("@saleor/app-sdk/app-bridge");

const HANDSHAKE_WAIT_MS = 15000;

let bridge: AppBridge | null = null;
let sdk: Sdk | null = null;
const listeners = new Set<(bridge: AppBridge) => void>();

export function isEmbedded(): boolean {
  try {
    return window.self !== window.top;
  } catch {
    return true; // a cross-origin parent
  }
}

/** In a frame, with the parameters a dashboard puts in an extension's URL. */
export function mountedByDashboard(search = window.location.search): boolean {
  if (!isEmbedded()) return false;
  const params = new URLSearchParams(search);
  return !!(params.get("id") || params.get("saleorApiUrl") || params.get("domain"));
}

/** The app bridge once connected (null outside a dashboard). */
export function appBridge(): AppBridge | null {
  return bridge;
}

/** Calls `listener` with the bridge now if connected, else once it is;
 * returns an unsubscribe function. */
export function onAppBridge(listener: (bridge: AppBridge) => void): () => void {
  if (bridge) listener(bridge);
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Use this bridge (and the SDK's actions): for tests, and for connectAppBridge. */
export function setAppBridge(next: AppBridge | null, module: Sdk | null) {
  bridge = next;
  sdk = module;
  if (next) listeners.forEach((listener) => listener(next));
}

/** Tells the dashboard how tall the widget's content is (app-sdk's
 * WidgetResize action); false when there is no dashboard to tell. */
export function reportWidgetHeight(height: number): boolean {
  if (!bridge || !sdk || !Number.isFinite(height) || height <= 0) return false;
  bridge.dispatch(sdk.actions.WidgetResize({ height: Math.ceil(height) })).catch(() => {
    /* an older dashboard does not answer this action: its default height stays */
  });
  return true;
}

/** Start listening for the dashboard's token; resolves once connected. */
export async function connectAppBridge(): Promise<boolean> {
  if (!mountedByDashboard()) return false;
  // No sign-in form while the dashboard's handshake is on its way; should
  // none come, the form after all.
  session.awaitDashboard(true);
  setTimeout(() => session.awaitDashboard(false), HANDSHAKE_WAIT_MS);
  const module = await import("@saleor/app-sdk/app-bridge");
  const instance = new module.AppBridge({ autoNotifyReady: true });
  const take = (token?: string) => {
    if (token) session.set(token, { embedded: true });
  };
  take(instance.getState().token);
  instance.subscribe("handshake", (payload) => take(payload.token));
  instance.subscribe("tokenRefresh", (payload) => take(payload.token));
  setAppBridge(instance, module);
  return true;
}
