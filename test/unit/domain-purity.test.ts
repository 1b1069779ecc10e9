import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

// DESIGN.md: src/domain holds no I/O and no clock; time is a parameter.
const dir = join(import.meta.dirname, '../../src/domain');
const files = readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts'));

describe('src/domain stays pure', () => {
  it.each(files)('%s', (file) => {
    const source = readFileSync(join(dir, file), 'utf8');
    const imports = [...source.matchAll(/\bfrom\s+['"]([^'"]+)['"]/g)].map((m) => m[1]);
    for (const specifier of imports) expect(specifier, `import of ${specifier}`).toMatch(/^\.\.?\/.*\.js$/);
    expect(source).not.toMatch(/\bimport\s*\(/);
    expect(source).not.toMatch(/\bDate\.now\s*\(/);
    expect(source).not.toMatch(/\bnew Date\s*\(\s*\)/);
    expect(source).not.toMatch(/\bprocess\./);
    expect(source).not.toMatch(/\bMath\.random\s*\(/);
    expect(source).not.toMatch(/\bconsole\./);
  });
});
