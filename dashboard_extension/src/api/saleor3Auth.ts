// Signing in and refreshing on Saleor 3.23, whose tokenCreate also returns a
// refresh token (and a CSRF token, for a refresh token kept in a cookie) and
// whose tokenRefresh takes the refresh token. These documents are not in
// Saleor 2.10's schema, so they cannot go through graphql-codegen (which
// reads schema.graphql, the 2.10 one): they are typed by hand here, and the
// tests validate them against Saleor 3.23's served schema
// (tests/api/test_board_documents_api.py, on the host the suite runs on).

export const TOKEN_CREATE_SALEOR3 = /* GraphQL */ `
  mutation TokenCreateSaleor3($email: String!, $password: String!) {
    tokenCreate(email: $email, password: $password) {
      token
      refreshToken
      user { email isStaff }
      errors { field code message }
    }
  }
`;

export const TOKEN_REFRESH_SALEOR3 = /* GraphQL */ `
  mutation TokenRefreshSaleor3($refreshToken: String!) {
    tokenRefresh(refreshToken: $refreshToken) {
      token
      errors { field code message }
    }
  }
`;

/** Every document of this module is for Saleor 3 only. */
export const ONLY_ON: Record<string, "saleor2" | "saleor3"> = {
  TOKEN_CREATE_SALEOR3: "saleor3",
  TOKEN_REFRESH_SALEOR3: "saleor3",
};

type AccountError = { field: string | null; code: string; message: string | null };

export type TokenCreateSaleor3Mutation = {
  tokenCreate: {
    token: string | null;
    refreshToken: string | null;
    user: { email: string; isStaff: boolean } | null;
    errors: AccountError[];
  } | null;
};

export type TokenRefreshSaleor3Mutation = {
  tokenRefresh: { token: string | null; errors: AccountError[] } | null;
};
