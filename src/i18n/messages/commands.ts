import type { CommandId } from '../../bot/commands.js';
import { bilingual } from '../bilingual.js';

/** Descriptions of the commands, for /bantuan and the command menu. */
export const commands = bilingual({
  id: {
    start: 'Mulai',
    bantuan: 'Daftar perintah',
    bahasa: 'Ganti bahasa',
    progres: 'Progres transaksi misi',
    daftar: 'Daftarkan usaha sebagai peserta',
    lapor: 'Laporkan penjualan',
    misi: 'Buat misi dagang (petugas)',
  } satisfies Record<CommandId, string>,
  en: {
    start: 'Start',
    bantuan: 'List of commands',
    bahasa: 'Change language',
    progres: 'Mission transaction progress',
    daftar: 'Register your business as an exhibitor',
    lapor: 'Report a sale',
    misi: 'Create a trade mission (officials)',
  },
});
