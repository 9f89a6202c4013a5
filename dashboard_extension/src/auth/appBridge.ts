// When a Saleor dashboard mounts this app (an app extension in an iframe), it
// hands over the staff member's token through @saleor/app-sdk's app bridge.
import { session } from "./session";

export function isEmbedded(): boolean {
  try {
    return window.self !== window.top;
  } catch {
    return true; // a cross-origin parent
  }
}

/** Start listening for the dashboard's token; resolves once connected. */
export async function connectAppBridge(): Promise<boolean> {
  if (!isEmbedded()) return false;
  const params = new URLSearchParams(window.location.search);
  if (!params.get("id") && !params.get("saleorApiUrl") && !params.get("domain")) return false;
  const { AppBridge } = await import("@saleor/app-sdk/app-bridge");
  const bridge = new AppBridge({ autoNotifyReady: true });
  const take = (token?: string) => {
    if (token) session.set(token, { embedded: true });
  };
  take(bridge.getState().token);
  bridge.subscribe("handshake", (payload) => take(payload.token));
  bridge.subscribe("tokenRefresh", (payload) => take(payload.token));
  return true;
}
