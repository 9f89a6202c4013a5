// A stand-in for the server in component tests: answers the board's GraphQL
// requests by operation name and remembers what was sent.
import { vi } from "vitest";

export type SentRequest = {
  operation: string;
  query: string;
  variables: Record<string, unknown>;
  headers: Record<string, string>;
  /** The request's AbortSignal: aborted when the app cancelled it. */
  signal: AbortSignal | null;
};

type Handler = (variables: Record<string, unknown>, call: SentRequest) => unknown;

/** Stubs `fetch`: each operation's handler returns its `data` (or throws to
 * answer with a GraphQL error). Returns the list of requests sent. */
export function mockGraphQL(handlers: Record<string, Handler>): SentRequest[] {
  const sent: SentRequest[] = [];
  const fetchMock = vi.fn(async (_url: string, init: RequestInit) => {
    // A multipart request (an upload) carries the operation in its "operations" part.
    const text = init.body instanceof FormData ? String(init.body.get("operations")) : String(init.body);
    const { query, variables } = JSON.parse(text) as { query: string; variables: Record<string, unknown> };
    const operation = /\b(?:query|mutation)\s+(\w+)/.exec(query)?.[1] ?? "";
    const call = { operation, query, variables, headers: { ...(init.headers as Record<string, string>) }, signal: init.signal ?? null };
    sent.push(call);
    const handler = handlers[operation];
    let body: unknown;
    if (!handler) body = { errors: [{ message: `no handler for ${operation}` }] };
    else {
      try {
        body = { data: await handler(variables, call) };
      } catch (error) {
        body = { errors: [{ message: (error as Error).message }] };
      }
    }
    return new Response(JSON.stringify(body), { status: 200, headers: { "Content-Type": "application/json" } });
  });
  vi.stubGlobal("fetch", fetchMock);
  return sent;
}
