// Signing in with e-mail and password on either host, knowing only the
// GraphQL API: the schema says whether tokenCreate returns a refresh token
// (Saleor 3.23) or not (Saleor 2.10), and the board signs in with the
// document meant for that host.
import { request } from "../api/client";
import type { TokenCreateFieldsQuery, TokenCreateMutation } from "../api/generated";
import { TOKEN_CREATE, TOKEN_CREATE_FIELDS } from "../api/operations";
import { TOKEN_CREATE_SALEOR3, type TokenCreateSaleor3Mutation } from "../api/saleor3Auth";
import { session } from "./session";

export type Host = "saleor2" | "saleor3";

let known: Host | null = null;

/** The host behind /graphql/, asked once per page. */
export async function detectHost(): Promise<Host> {
  if (!known) {
    const data = await request<TokenCreateFieldsQuery>(TOKEN_CREATE_FIELDS, {}, { auth: false });
    const fields = (data.__type?.fields ?? []).map((field) => field.name);
    known = fields.includes("refreshToken") ? "saleor3" : "saleor2";
  }
  return known;
}

/** For tests: forget the host asked before. */
export function forgetHost() {
  known = null;
}

export type SignInResult = "signedIn" | "failed" | "notStaff";

export async function signIn(email: string, password: string): Promise<SignInResult> {
  const host = await detectHost();
  let token: string | null = null;
  let refreshToken: string | null = null;
  let isStaff = false;
  if (host === "saleor3") {
    const data = await request<TokenCreateSaleor3Mutation>(TOKEN_CREATE_SALEOR3, { email, password }, { auth: false });
    token = data.tokenCreate?.token ?? null;
    refreshToken = data.tokenCreate?.refreshToken ?? null;
    isStaff = !!data.tokenCreate?.user?.isStaff;
  } else {
    const data = await request<TokenCreateMutation>(TOKEN_CREATE, { email, password }, { auth: false });
    token = data.tokenCreate?.token ?? null;
    isStaff = !!data.tokenCreate?.user?.isStaff;
  }
  if (!token) return "failed";
  if (!isStaff) return "notStaff";
  session.set(token, { refreshToken });
  return "signedIn";
}
