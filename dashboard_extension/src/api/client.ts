// The only way the app talks to the server: POST to the plugin's GraphQL API
// on the same origin, with the staff member's JWT.
import { session } from "../auth/session";

export const GRAPHQL_URL = "/graphql/";

export type GraphQLErrorBody = { message: string; path?: (string | number)[] };

export class ApiError extends Error {
  constructor(message: string, readonly errors: GraphQLErrorBody[] = []) {
    super(message);
  }
}

/** A typed error of an open-order mutation (`openOrderErrors`). */
export type OpenOrderError = { field: string | null; code: string; message: string | null };

export async function request<T>(
  query: string,
  variables: Record<string, unknown> = {},
  options: { token?: string | null; auth?: boolean } = {},
): Promise<T> {
  const headers: Record<string, string> = { "Content-Type": "application/json" };
  const token = options.auth === false ? null : options.token ?? (await session.validToken());
  if (token) headers.Authorization = `JWT ${token}`;
  const response = await fetch(GRAPHQL_URL, {
    method: "POST",
    headers,
    body: JSON.stringify({ query, variables }),
    credentials: "same-origin",
  });
  let body: { data?: T; errors?: GraphQLErrorBody[] };
  try {
    body = await response.json();
  } catch {
    throw new ApiError(`HTTP ${response.status}`);
  }
  if (body.errors && body.errors.length) {
    const message = body.errors.map((e) => e.message).join("; ");
    if (/signature has expired|error decoding signature|permission/i.test(message) && token) {
      session.reportAuthProblem(message);
    }
    throw new ApiError(message, body.errors);
  }
  if (!body.data) throw new ApiError(`HTTP ${response.status}`);
  return body.data;
}
