import { cleanup, configure } from "@testing-library/react";
import { afterEach, vi } from "vitest";

// The suite shares two cores with the server's tests: wait longer than 1 s
// for what a mocked request brings.
configure({ asyncUtilTimeout: 5000 });

afterEach(() => {
  cleanup();
  window.localStorage.clear();
  vi.unstubAllGlobals();
});
