import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { COMMANDS, names, visibleCommands, type Audience } from '../../src/bot/commands.js';
import type { CommandId } from '../../src/i18n/messages/commands.js';

/** DESIGN.md, "Commands, Indonesian first with an English alias", in its order. */
const DESIGN_COMMANDS: readonly { id: string; en: string; officials: boolean }[] = [
  { id: 'start', en: 'start', officials: false },
  { id: 'bantuan', en: 'help', officials: false },
  { id: 'bahasa', en: 'language', officials: false },
  { id: 'daftar', en: 'register', officials: false },
  { id: 'produk_baru', en: 'newproduct', officials: false },
  { id: 'produkku', en: 'myproducts', officials: false },
  { id: 'lapor', en: 'sale', officials: false },
  { id: 'batal', en: 'undo', officials: false },
  { id: 'rekapku', en: 'mysales', officials: false },
  { id: 'progres', en: 'progress', officials: false },
  { id: 'katalog', en: 'catalog', officials: false },
  { id: 'cari', en: 'search', officials: false },
  { id: 'pesanan', en: 'inquiries', officials: false },
  { id: 'misi', en: 'mission', officials: true },
  { id: 'target', en: 'target', officials: true },
  { id: 'undang', en: 'invite', officials: true },
  { id: 'langganan', en: 'subscribe', officials: true },
  { id: 'berhenti', en: 'unsubscribe', officials: true },
  { id: 'ringkasan', en: 'digest', officials: true },
  { id: 'ekspor', en: 'export', officials: true },
  { id: 'peringkat', en: 'leaderboard', officials: true },
  { id: 'pengumuman', en: 'announce', officials: true },
  { id: 'qr', en: 'qr', officials: false },
  { id: 'prospek', en: 'leads', officials: false },
  { id: 'privasi', en: 'privacy', officials: false },
  { id: 'temu', en: 'meet', officials: false },
  { id: 'jadwal', en: 'schedule', officials: false },
];

const implemented = DESIGN_COMMANDS.filter((design) => COMMANDS.some((command) => command.id === design.id));

describe('COMMANDS against DESIGN.md', () => {
  it('implements at least the commands the bot has today', () => {
    expect(implemented.map((command) => command.id)).toEqual(
      expect.arrayContaining(['start', 'bantuan', 'bahasa', 'daftar', 'lapor', 'progres', 'misi']),
    );
  });

  it('documents in the README every command beyond the ones DESIGN.md lists', () => {
    const designIds = DESIGN_COMMANDS.map((command) => command.id);
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    for (const command of COMMANDS.filter((candidate) => !designIds.includes(candidate.id))) {
      expect(readme, `README.md should document /${command.id}`).toContain(`\`/${command.id}\` \`/${command.en}\``);
    }
  });

  it.each(implemented)('/$id has the English alias /$en', ({ id, en }) => {
    expect(COMMANDS.find((command) => command.id === id)?.en).toBe(en);
  });

  it.each(implemented)('/$id is for officials only exactly when DESIGN.md says so', ({ id, officials }) => {
    const audience = COMMANDS.find((command) => command.id === id)?.audience;
    if (officials) expect(audience).toBe('official');
    else expect(audience).not.toBe('official');
  });

  it('lists /start first', () => {
    expect(COMMANDS[0]?.id).toBe('start');
  });

  it('has unique names: no Indonesian name or alias is used twice', () => {
    const all = COMMANDS.flatMap((command) => names(command.id));
    expect(new Set(all).size).toBe(all.length);
  });

  it.each(COMMANDS.flatMap((command) => names(command.id)))('/%s is a valid Telegram command name', (name) => {
    // setMyCommands: 1-32 characters, lowercase English letters, digits and underscores.
    expect(name).toMatch(/^[a-z0-9_]{1,32}$/);
  });
});

describe('names', () => {
  it.each<{ id: CommandId; expected: string[] }>([
    { id: 'start', expected: ['start'] },
    { id: 'bantuan', expected: ['bantuan', 'help'] },
    { id: 'bahasa', expected: ['bahasa', 'language'] },
    { id: 'daftar', expected: ['daftar', 'register'] },
    { id: 'lapor', expected: ['lapor', 'sale'] },
    { id: 'progres', expected: ['progres', 'progress'] },
    { id: 'misi', expected: ['misi', 'mission'] },
  ])('names($id) → $expected', ({ id, expected }) => {
    expect(names(id)).toEqual(expected);
  });

  it('throws for an unknown command (a bug, not a user mistake)', () => {
    expect(() => names('nope' as CommandId)).toThrow(/unknown command nope/);
  });
});

describe('visibleCommands per role', () => {
  const ids = (who: { official: boolean; exhibitor: boolean }) => visibleCommands(who).map((command) => command.id);

  it.each<{ role: string; who: { official: boolean; exhibitor: boolean }; sees: CommandId[]; hidden: CommandId[] }>([
    { role: 'a newcomer', who: { official: false, exhibitor: false }, sees: ['start', 'bantuan', 'bahasa', 'progres', 'daftar'], hidden: ['lapor', 'misi'] },
    { role: 'an exhibitor', who: { official: false, exhibitor: true }, sees: ['start', 'bantuan', 'bahasa', 'progres', 'lapor'], hidden: ['daftar', 'misi'] },
    { role: 'an official', who: { official: true, exhibitor: false }, sees: ['start', 'bantuan', 'bahasa', 'progres', 'misi', 'daftar'], hidden: ['lapor'] },
    { role: 'an official who exhibits too', who: { official: true, exhibitor: true }, sees: ['start', 'bantuan', 'bahasa', 'progres', 'misi', 'lapor'], hidden: ['daftar'] },
  ])('$role sees $sees, not $hidden', ({ who, sees, hidden }) => {
    const visible = ids(who);
    expect(visible).toEqual(expect.arrayContaining(sees));
    for (const id of hidden) expect(visible).not.toContain(id);
  });

  it.each<{ audience: Audience; who: { official: boolean; exhibitor: boolean } }>([
    { audience: 'everyone', who: { official: false, exhibitor: false } },
    { audience: 'newcomer', who: { official: false, exhibitor: false } },
    { audience: 'exhibitor', who: { official: false, exhibitor: true } },
    { audience: 'official', who: { official: true, exhibitor: false } },
  ])('every "$audience" command is shown to a user of that audience', ({ audience, who }) => {
    const visible = ids(who);
    for (const command of COMMANDS.filter((c) => c.audience === audience)) expect(visible).toContain(command.id);
  });

  it('keeps the order of COMMANDS', () => {
    const visible = ids({ official: true, exhibitor: true });
    const order = COMMANDS.map((command) => command.id).filter((id) => visible.includes(id));
    expect(visible).toEqual(order);
  });
});
