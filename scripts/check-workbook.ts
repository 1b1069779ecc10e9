/**
 * `npx tsx scripts/check-workbook.ts [out-dir] [id|en]`: exports the sample
 * mission's workbook (seven reports), converts it to PDF with LibreOffice
 * headless and every page to PNG, and prints the page count, so a person can
 * look at what a governor's office would print. Needs `soffice`
 * (Debian: libreoffice-calc-nogui) and `pdftoppm` (poppler-utils).
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { buildWorkbook } from '../src/export/workbook.js';
import { sampleExport } from '../test/support/export-sample.js';

const out = resolve(process.argv[2] ?? 'data/workbook-check');
const lang = process.argv[3] === 'en' ? 'en' : 'id';
mkdirSync(out, { recursive: true });
const { buffer } = await buildWorkbook(sampleExport(), lang, new Date('2026-11-28T13:00:00Z'));
const xlsx = join(out, `sample-${lang}.xlsx`);
writeFileSync(xlsx, buffer);
// A private profile directory: a second soffice (or a user's open one) must not swallow the conversion.
execFileSync('soffice', [`-env:UserInstallation=file://${join(out, 'lo-profile')}`, '--headless', '--convert-to', 'pdf', '--outdir', out, xlsx], { stdio: 'ignore', timeout: 120_000 });
const pdf = xlsx.replace(/\.xlsx$/, '.pdf');
const info = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });
const pages = Number(/^Pages:\s+(\d+)/m.exec(info)?.[1]);
const size = /^Page size:\s+(.*)$/m.exec(info)?.[1] ?? '?';
execFileSync('pdftoppm', ['-png', '-r', '60', pdf, join(out, `page-${lang}`)]);
const pngs = readdirSync(out).filter((name) => name.startsWith(`page-${lang}`) && name.endsWith('.png'));
console.log(`${pages} pages (${size}); ${pngs.length} PNG files in ${out}`);
