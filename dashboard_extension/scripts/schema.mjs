// The plugin's GraphQL schema as SDL, for graphql-codegen (codegen.yml).
//   node scripts/schema.mjs            asks the server's Python (../.venv, or
//                                      $PYTHON) for the schema and writes
//                                      schema.graphql
//   node scripts/schema.mjs --stdin    reads an introspection result (JSON)
//                                      from stdin and prints the SDL (the
//                                      tests compare it with schema.graphql)
// Printed by graphql-js from the introspection, sorted, with descriptions.
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { buildClientSchema, lexicographicSortSchema, printSchema } from "graphql";

const root = fileURLToPath(new URL("..", import.meta.url));
const repo = fileURLToPath(new URL("../..", import.meta.url));

export function sdl(introspection) {
  const data = introspection.data ?? introspection;
  return printSchema(lexicographicSortSchema(buildClientSchema(data))) + "\n";
}

function fromServer() {
  const venv = `${repo}.venv/bin/python`;
  const python = process.env.PYTHON || (existsSync(venv) ? venv : "python3");
  const code = [
    "import json, os",
    "os.environ.setdefault('DJANGO_SETTINGS_MODULE', 'openorder_plugin.saleor2.settings')",
    "os.environ.setdefault('SECRET_KEY', 'schema')",
    "import django; django.setup()",
    "from openorder_plugin.saleor2.graphql.api import schema",
    "print(json.dumps(schema.introspect()))",
  ].join("\n");
  return JSON.parse(execFileSync(python, ["-c", code], { cwd: repo, maxBuffer: 64 * 1024 * 1024 }).toString());
}

if (process.argv.includes("--stdin")) {
  process.stdout.write(sdl(JSON.parse(readFileSync(0, "utf8"))));
} else {
  writeFileSync(`${root}schema.graphql`, sdl(fromServer()));
  console.log("wrote schema.graphql");
}
