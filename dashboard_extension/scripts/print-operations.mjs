// Prints every GraphQL document the board sends as JSON, with the hosts it is
// sent to: {name: {"document": "...", "hosts": ["saleor2", "saleor3"]}}, so
// the Python tests can validate each against the schema of the host it is
// meant for. src/api/operations.ts holds the documents graphql-codegen types
// (from the 2.10 schema); src/api/saleor3Auth.ts those only Saleor 3 has.
// A module's ONLY_ON names the documents meant for one host only.
import { build } from "esbuild";
import { fileURLToPath } from "node:url";

const MODULES = ["../src/api/operations.ts", "../src/api/saleor3Auth.ts"];
const HOSTS = ["saleor2", "saleor3"];

async function load(path) {
  const entry = fileURLToPath(new URL(path, import.meta.url));
  const result = await build({ entryPoints: [entry], bundle: true, write: false, format: "esm", platform: "node" });
  return import("data:text/javascript;base64," + Buffer.from(result.outputFiles[0].text).toString("base64"));
}

const documents = {};
for (const path of MODULES) {
  const module = await load(path);
  const only = module.ONLY_ON ?? {};
  for (const [name, document] of Object.entries(module)) {
    if (typeof document !== "string") continue;
    if (documents[name]) throw new Error(`${name} is exported by two modules`);
    documents[name] = { document, hosts: only[name] ? [only[name]] : HOSTS };
  }
}
process.stdout.write(JSON.stringify(documents));
