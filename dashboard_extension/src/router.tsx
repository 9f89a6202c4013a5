// A small router over the History API; every route lives under the base path
// the plugin serves the app at (/dashboard-extension/).
import { MouseEvent, ReactNode, useEffect, useState } from "react";

export const BASE = (import.meta.env.BASE_URL || "/").replace(/\/$/, "");

export type Route =
  | { name: "board"; query: URLSearchParams }
  | { name: "job"; id: string }
  | { name: "settings" }
  | { name: "productType"; id: string }
  | { name: "order"; orderId: string }
  | { name: "proofs" }
  | { name: "batches" }
  | { name: "chatOrders" }
  | { name: "newChatOrder" }
  | { name: "backlog" }
  | { name: "notFound" };

export function parseRoute(pathname: string, search = ""): Route {
  let path = pathname.startsWith(BASE) ? pathname.slice(BASE.length) : pathname;
  path = "/" + path.replace(/^\/+|\/+$/g, "");
  const parts = path.split("/").filter(Boolean).map(decodeURIComponent);
  if (parts.length === 0 || (parts.length === 1 && parts[0] === "index.html"))
    return { name: "board", query: new URLSearchParams(search) };
  // The order page's widget (ORDER_DETAILS_WIDGETS): ?orderId= is Saleor's Order ID.
  if (parts[0] === "order" && parts.length === 1)
    return { name: "order", orderId: new URLSearchParams(search).get("orderId") ?? "" };
  if (parts[0] === "proofs" && parts.length === 1) return { name: "proofs" };
  if (parts[0] === "batches" && parts.length === 1) return { name: "batches" };
  if (parts[0] === "chat-orders" && parts.length === 1) return { name: "chatOrders" };
  if (parts[0] === "chat-orders" && parts.length === 2 && parts[1] === "new") return { name: "newChatOrder" };
  if (parts[0] === "backlog" && parts.length === 1) return { name: "backlog" };
  if (parts[0] === "jobs" && parts.length === 2) return { name: "job", id: parts[1] };
  if (parts[0] === "settings" && parts.length === 1) return { name: "settings" };
  if (parts[0] === "settings" && parts.length === 2) return { name: "productType", id: parts[1] };
  return { name: "notFound" };
}

export const paths = {
  board: () => `${BASE}/`,
  orderJobs: (orderId: string) => `${BASE}/?orderId=${encodeURIComponent(orderId)}`,
  proofs: () => `${BASE}/proofs`,
  batches: () => `${BASE}/batches`,
  chatOrders: () => `${BASE}/chat-orders`,
  newChatOrder: () => `${BASE}/chat-orders/new`,
  backlog: () => `${BASE}/backlog`,
  job: (id: string) => `${BASE}/jobs/${encodeURIComponent(id)}`,
  settings: () => `${BASE}/settings`,
  order: (orderId: string) => `${BASE}/order?orderId=${encodeURIComponent(orderId)}`,
  productType: (id: string) => `${BASE}/settings/${encodeURIComponent(id)}`,
};

const listeners = new Set<() => void>();

export function navigate(to: string, { replace = false } = {}) {
  if (replace) window.history.replaceState(null, "", to);
  else window.history.pushState(null, "", to);
  listeners.forEach((l) => l());
}

export function useRoute(): Route {
  const read = () => parseRoute(window.location.pathname, window.location.search);
  const [route, setRoute] = useState<Route>(read);
  useEffect(() => {
    const update = () => setRoute(read());
    listeners.add(update);
    window.addEventListener("popstate", update);
    return () => {
      listeners.delete(update);
      window.removeEventListener("popstate", update);
    };
  }, []);
  return route;
}

export function Link({ to, children, ...rest }: { to: string; children: ReactNode } & Record<string, unknown>) {
  const onClick = (event: MouseEvent<HTMLAnchorElement>) => {
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    navigate(to);
  };
  return (
    <a href={to} onClick={onClick} {...rest}>
      {children}
    </a>
  );
}
