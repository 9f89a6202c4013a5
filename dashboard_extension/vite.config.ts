import react from "@vitejs/plugin-react";
import { defineConfig } from "vitest/config";

// The plugin serves dist/ at /dashboard-extension/ (openorder_plugin/views.py).
export default defineConfig({
  base: "/dashboard-extension/",
  plugins: [react()],
  build: { outDir: "dist", emptyOutDir: true, sourcemap: false, chunkSizeWarningLimit: 2000 },
  server: { proxy: { "/graphql/": "http://127.0.0.1:8000" } },
  test: {
    environment: "jsdom",
    globals: true,
    setupFiles: ["src/test/setup.ts"],
    include: ["src/**/*.test.{ts,tsx}"],
  },
});
