/**
 * `prestart`: compiles src/ to dist/ only when dist/main.js is missing or
 * older than a source file, so `npm start` right after a `git pull` runs the
 * new code and a fresh start costs a directory walk (no TypeScript loaded).
 * Plain JavaScript on purpose: it runs before anything is compiled.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const entry = join(root, 'dist', 'main.js');
// Written after a successful build: tsc does not rewrite files whose output is unchanged.
const stamp = join(root, 'dist', '.built');

/** The newest modification time under `dir` (files only). */
function newest(dir) {
  let latest = 0;
  for (const item of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, item.name);
    latest = Math.max(latest, item.isDirectory() ? newest(path) : statSync(path).mtimeMs);
  }
  return latest;
}

function builtAt() {
  if (!existsSync(entry) || !existsSync(stamp)) return -1;
  return statSync(stamp).mtimeMs;
}

// An image or a copy without sources runs what it was built with.
if (!existsSync(join(root, 'src'))) process.exit(existsSync(entry) ? 0 : 1);
const inputs = Math.max(newest(join(root, 'src')), statSync(join(root, 'tsconfig.json')).mtimeMs, statSync(join(root, 'tsconfig.build.json')).mtimeMs);
// `npm run build` passes --force.
if (process.argv.includes('--force') || builtAt() < inputs) {
  let tsc;
  try {
    tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
  } catch {
    // Installed without dev dependencies (npm ci --omit=dev): run what was built, if anything was.
    if (existsSync(entry)) process.exit(0);
    console.error('dist/main.js is missing and TypeScript is not installed: run npm install (with dev dependencies), then npm run build.');
    process.exit(1);
  }
  execFileSync(process.execPath, [tsc, '-p', join(root, 'tsconfig.build.json')], { cwd: root, stdio: 'inherit' });
  writeFileSync(stamp, `${new Date().toISOString()}\n`);
}
