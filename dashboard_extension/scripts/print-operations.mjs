// Prints every GraphQL document of src/api/operations.ts as JSON
// ({name: document}), so the Python tests can validate them against the
// plugin's real schema.
import { build } from "esbuild";
import { fileURLToPath } from "node:url";

const entry = fileURLToPath(new URL("../src/api/operations.ts", import.meta.url));
const result = await build({ entryPoints: [entry], bundle: true, write: false, format: "esm", platform: "node" });
const code = result.outputFiles[0].text;
const module = await import("data:text/javascript;base64," + Buffer.from(code).toString("base64"));
process.stdout.write(JSON.stringify(Object.fromEntries(Object.entries(module).filter(([, v]) => typeof v === "string"))));
