/**
 * Process tests run the compiled bot (dist/main.js), as production does:
 * build it once before any test file, and only when the sources changed.
 */
import { execFileSync } from 'node:child_process';
import { ROOT } from './process/process-helpers.js';

export default function setup(): void {
  execFileSync(process.execPath, ['scripts/build-if-stale.mjs'], { cwd: ROOT, stdio: 'inherit' });
}
