#!/usr/bin/env node
// The models are TypeScript run directly by Node's type stripping (Node ≥ 22.18 / 23.6; the repo pins Node 24).
if (!process.features?.typescript) {
  process.stderr.write(`compendium: needs Node 22.18 or later (type stripping), this is Node ${process.versions.node}\n`);
  process.exit(2);
}
const { run } = await import('../src/cli/main.ts');
run();
