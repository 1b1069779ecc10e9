import type { CommandId } from '../i18n/messages/commands.js';

/**
 * The commands of DESIGN.md, Indonesian name first with its English alias, and
 * who may use each. /bantuan, setMyCommands and the role checks read this one list.
 */
export type Audience = 'everyone' | 'newcomer' | 'exhibitor' | 'official';

export interface CommandSpec {
  /** Indonesian name, also the key of its description in the catalogue. */
  id: CommandId;
  /** English alias; equal to id where one word serves both. */
  en: string;
  audience: Audience;
}

export const COMMANDS: readonly CommandSpec[] = [
  { id: 'start', en: 'start', audience: 'everyone' },
  { id: 'bantuan', en: 'help', audience: 'everyone' },
  { id: 'bahasa', en: 'language', audience: 'everyone' },
  { id: 'progres', en: 'progress', audience: 'everyone' },
  { id: 'katalog', en: 'catalog', audience: 'everyone' },
  { id: 'cari', en: 'search', audience: 'everyone' },
  { id: 'pesanan', en: 'inquiries', audience: 'everyone' },
  { id: 'privasi', en: 'privacy', audience: 'everyone' },
  { id: 'temu', en: 'meet', audience: 'everyone' },
  { id: 'jadwal', en: 'schedule', audience: 'everyone' },
  { id: 'daftar', en: 'register', audience: 'newcomer' },
  { id: 'lapor', en: 'sale', audience: 'exhibitor' },
  { id: 'batal', en: 'undo', audience: 'exhibitor' },
  { id: 'rekapku', en: 'mysales', audience: 'exhibitor' },
  { id: 'produk_baru', en: 'newproduct', audience: 'exhibitor' },
  { id: 'produkku', en: 'myproducts', audience: 'exhibitor' },
  { id: 'pengingat', en: 'reminders', audience: 'exhibitor' },
  { id: 'qr', en: 'qr', audience: 'exhibitor' },
  { id: 'prospek', en: 'leads', audience: 'exhibitor' },
  { id: 'misi', en: 'mission', audience: 'official' },
  { id: 'target', en: 'target', audience: 'official' },
  { id: 'undang', en: 'invite', audience: 'official' },
  { id: 'peserta', en: 'exhibitors', audience: 'official' },
  { id: 'verifikasi', en: 'verify', audience: 'official' },
  { id: 'langganan', en: 'subscribe', audience: 'official' },
  { id: 'berhenti', en: 'unsubscribe', audience: 'official' },
  { id: 'ringkasan', en: 'digest', audience: 'official' },
  { id: 'peringkat', en: 'leaderboard', audience: 'official' },
  { id: 'papan', en: 'board', audience: 'official' },
  { id: 'ekspor', en: 'export', audience: 'official' },
  { id: 'pengumuman', en: 'announce', audience: 'official' },
];

/** Both names of a command, for `bot.command(names(...), handler)`. */
export function names(id: CommandId): string[] {
  const spec = COMMANDS.find((command) => command.id === id);
  if (!spec) throw new Error(`unknown command ${id}`);
  return spec.en === spec.id ? [spec.id] : [spec.id, spec.en];
}

/** The commands a user sees in /bantuan, given what they are in the active mission. */
export function visibleCommands(who: { official: boolean; exhibitor: boolean }): CommandSpec[] {
  return COMMANDS.filter((command) => {
    switch (command.audience) {
      case 'everyone':
        return true;
      case 'newcomer':
        return !who.exhibitor;
      case 'exhibitor':
        return who.exhibitor;
      case 'official':
        return who.official;
    }
  });
}
