import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * Imports point down this list, never up. Layers on one line are peers and
 * do not import each other. A layer is a folder of src/ or a file at its top.
 */
const LAYERS: readonly (readonly string[])[] = [
  ['domain', 'logger', 'deadline', 'config', 'simulator'],
  ['i18n'],
  ['db'],
  ['telegram'],
  ['views'],
  ['charts', 'export'],
  ['jobs'],
  ['bot'],
  ['server'],
  ['app'],
  ['main', 'demo'],
];

const src = resolve(import.meta.dirname, '../../src');
const rank = new Map(LAYERS.flatMap((names, index) => names.map((name) => [name, index] as const)));

function layerOf(pathInSrc: string): string {
  const top = pathInSrc.split('/')[0] ?? '';
  return top.replace(/\.(ts|js)$/, '');
}

/** Every module a source imports or re-exports, statically or with import(). */
function importsOf(source: string): string[] {
  const pattern = /(?:\bfrom\s*|\bimport\s*\(\s*|^\s*import\s*)['"]([^'"]+)['"]/gm;
  return [...source.matchAll(pattern)].map((match) => match[1] ?? '');
}

/** The imports of one file that run back up the layers, as messages. */
function upwardImports(file: string, source: string): string[] {
  const from = layerOf(file);
  const problems: string[] = [];
  for (const specifier of importsOf(source)) {
    if (!specifier.startsWith('.')) continue; // a package
    const target = relative(src, resolve(src, dirname(file), specifier));
    if (target.startsWith('..')) {
      problems.push(`src/${file} imports ${specifier}, outside src`);
      continue;
    }
    const to = layerOf(target);
    if (to === from) continue;
    const fromRank = rank.get(from);
    const toRank = rank.get(to);
    if (fromRank === undefined || toRank === undefined) {
      problems.push(`src/${file} imports ${specifier}: add ${fromRank === undefined ? from : to} to LAYERS in test/unit/layers.test.ts`);
    } else if (toRank >= fromRank) {
      const why = toRank === fromRank ? 'its peer' : 'a layer above it';
      problems.push(`src/${file} (${from}) imports ${specifier} (${to}), ${why}`);
    }
  }
  return problems;
}

const files = readdirSync(src, { recursive: true, encoding: 'utf8' })
  .map((file) => file.split('\\').join('/'))
  .filter((file) => file.endsWith('.ts') && !file.startsWith('db/generated/'));

describe('layers point one way', () => {
  it('every top-level folder and file of src/ has a layer', () => {
    const tops = [...new Set(files.map(layerOf))].filter((name) => !rank.has(name));
    expect(tops, 'add these to LAYERS').toEqual([]);
  });

  it('no import runs back up', () => {
    const problems = files.flatMap((file) => upwardImports(file, readFileSync(join(src, file), 'utf8')));
    expect(problems, problems.join('\n')).toEqual([]);
  });

  it('catches an upward import, a peer import and a dynamic one', () => {
    expect(upwardImports('db/repositories/pushes.ts', "import { x } from '../../jobs/outbox.js';")).toEqual([
      "src/db/repositories/pushes.ts (db) imports ../../jobs/outbox.js (jobs), a layer above it",
    ]);
    expect(upwardImports('charts/digest-chart.ts', "export * from '../export/csv.js';")).toEqual([
      "src/charts/digest-chart.ts (charts) imports ../export/csv.js (export), its peer",
    ]);
    expect(upwardImports('i18n/index.ts', "const m = await import('../bot/commands.js');")).toEqual([
      "src/i18n/index.ts (i18n) imports ../bot/commands.js (bot), a layer above it",
    ]);
    expect(upwardImports('bot/reply.ts', "import type { A } from '../i18n/index.js';\nimport 'telegraf';")).toEqual([]);
  });
});
