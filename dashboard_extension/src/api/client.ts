// The only way the app talks to the server: POST to the plugin's GraphQL API
// on the same origin, with the staff member's JWT.
import { session } from "../auth/session";
import type { OpenOrderErrorFieldsFragment } from "./generated";

export const GRAPHQL_URL = "/graphql/";

export type GraphQLErrorBody = { message: string; path?: (string | number)[] };

export class ApiError extends Error {
  constructor(message: string, readonly errors: GraphQLErrorBody[] = []) {
    super(message);
  }
}

/** The board's language, sent as Accept-Language so that the text the server
 * writes (a payment schedule's summary, error messages) is in it too. */
let language: string | null = null;

export function setApiLanguage(next: string | null) {
  language = next;
}

/** A typed error of an open-order mutation (`openOrderErrors`). */
export type OpenOrderError = OpenOrderErrorFieldsFragment;

/** A GraphQL multipart request (the spec Saleor's view implements): the
 * operation, and `file` as the variable `fileVariable`. */
export async function upload<T>(query: string, variables: Record<string, unknown>, fileVariable: string, file: File): Promise<T> {
  const form = new FormData();
  form.append("operations", JSON.stringify({ query, variables: { ...variables, [fileVariable]: null } }));
  form.append("map", JSON.stringify({ "0": [`variables.${fileVariable}`] }));
  form.append("0", file, file.name);
  return send<T>({ body: form, headers: {} });
}

export async function request<T>(
  query: string,
  variables: Record<string, unknown> = {},
  options: { token?: string | null; auth?: boolean; signal?: AbortSignal } = {},
): Promise<T> {
  return send<T>({
    body: JSON.stringify({ query, variables }),
    headers: { "Content-Type": "application/json" },
    ...options,
  });
}

async function send<T>(
  options: { body: string | FormData; headers: Record<string, string> } & {
    token?: string | null;
    auth?: boolean;
    signal?: AbortSignal;
  },
): Promise<T> {
  const headers = { ...options.headers };
  const token = options.auth === false ? null : options.token ?? (await session.validToken());
  if (token) headers.Authorization = `JWT ${token}`;
  if (language) headers["Accept-Language"] = language;
  const response = await fetch(GRAPHQL_URL, {
    method: "POST",
    headers,
    body: options.body,
    credentials: "same-origin",
    signal: options.signal,
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
      session.reportAuthProblem();
    }
    throw new ApiError(message, body.errors);
  }
  if (!body.data) throw new ApiError(`HTTP ${response.status}`);
  return body.data;
}
