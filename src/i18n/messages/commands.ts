import { bilingual } from '../bilingual.js';

/** The commands' Indonesian names; each keys its description below. */
export type CommandId = 'start' | 'bantuan' | 'bahasa' | 'daftar' | 'lapor' | 'progres' | 'misi' | 'batal' | 'rekapku' | 'verifikasi'
  | 'produk_baru' | 'produkku'
  | 'langganan' | 'berhenti' | 'ringkasan'
  | 'target' | 'undang' | 'peserta' | 'pengumuman' | 'pengingat'
  | 'ekspor' | 'peringkat' | 'papan'
  | 'katalog' | 'cari' | 'pesanan'
  | 'qr' | 'prospek' | 'privasi' | 'temu' | 'jadwal';

/** Descriptions of the commands, for /bantuan and the command menu. */
export const commands = bilingual({
  id: {
    start: 'Mulai',
    bantuan: 'Daftar perintah',
    bahasa: 'Ganti bahasa',
    progres: 'Progres transaksi misi',
    daftar: 'Daftarkan usaha sebagai peserta',
    produk_baru: 'Tambah produk',
    produkku: 'Produk saya: lihat, ubah, nonaktifkan',
    lapor: 'Laporkan penjualan',
    batal: 'Batalkan laporan penjualan',
    rekapku: 'Rekap penjualan saya',
    verifikasi: 'Verifikasi laporan penjualan (petugas)',
    misi: 'Misi dagang: buat, lihat, ubah, ganti, tutup (petugas)',
    langganan: 'Langganan ringkasan harian untuk grup (petugas)',
    berhenti: 'Hentikan ringkasan harian grup (petugas)',
    ringkasan: 'Ringkasan misi sekarang (petugas)',
    target: 'Lihat atau ubah target misi: /target 5 M (petugas)',
    undang: 'Tautan undangan: /undang [peserta|petugas] [batas pakai] [hari berlaku], mis. /undang peserta 100 14 (petugas)',
    peserta: 'Daftar peserta dan verifikasi (petugas)',
    pengumuman: 'Kirim pengumuman ke semua peserta: /pengumuman teks (petugas)',
    pengingat: 'Pengingat harian untuk melapor: /pengingat on atau off',
    ekspor: 'Ekspor data misi ke Excel dan CSV (petugas)',
    peringkat: 'Peringkat peserta: tunai, total, per kategori (petugas)',
    papan: 'Papan langsung untuk layar pameran: tautan, publik, ganti kunci (petugas)',
    katalog: 'Katalog produk peserta',
    cari: 'Cari produk: /cari kopi',
    pesanan: 'Pertanyaan dan pesanan Anda',
    qr: 'Kode QR stan Anda untuk dicetak',
    prospek: 'Prospek dari stan: nilai, catatan, ekspor (/prospek 4, /prospek hari ini)',
    privasi: 'Kontak yang Anda bagikan ke stan, dan tarik kembali',
    temu: 'Ajak peserta temu bisnis: /temu nama usaha',
    jadwal: 'Jadwal temu bisnis Anda (petugas: rencana per meja)',
  } satisfies Record<CommandId, string>,
  en: {
    start: 'Start',
    bantuan: 'List of commands',
    bahasa: 'Change language',
    progres: 'Mission transaction progress',
    daftar: 'Register your business as an exhibitor',
    produk_baru: 'Add a product',
    produkku: 'My products: view, edit, deactivate',
    lapor: 'Report a sale',
    batal: 'Void a sale report',
    rekapku: 'My sales summary',
    verifikasi: 'Verify sale reports (officials)',
    misi: 'Trade missions: create, list, edit, switch, close (officials)',
    langganan: 'Daily digest for a group (officials)',
    berhenti: 'Stop the group daily digest (officials)',
    ringkasan: 'Mission digest now (officials)',
    target: 'See or change the mission target: /target 5 M (officials)',
    undang: 'Invite links: /invite [exhibitor|official] [use limit] [days valid], e.g. /invite exhibitor 100 14 (officials)',
    peserta: 'List and verify exhibitors (officials)',
    pengumuman: 'Send an announcement to all exhibitors: /announce text (officials)',
    pengingat: 'Daily reminder to report: /reminders on or off',
    ekspor: 'Export the mission data to Excel and CSV (officials)',
    peringkat: 'Exhibitor leaderboard: retail, total, by category (officials)',
    papan: 'Live board for the exhibition screen: link, public, rotate key (officials)',
    katalog: 'Product catalog of the exhibitors',
    cari: 'Search products: /search coffee',
    pesanan: 'Your inquiries and orders',
    qr: 'Your booth QR code, to print',
    prospek: 'Leads from your booth: score, note, export (/leads 4, /leads today)',
    privasi: 'Contacts you shared with booths, and withdraw them',
    temu: 'Ask an exhibitor to a business meeting: /meet business name',
    jadwal: 'Your business meetings (officials: the plan by table)',
  },
});
