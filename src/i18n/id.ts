import { html, lines, raw, type SafeHtml } from './html.js';
import type { CommandId } from '../bot/commands.js';
import type { Category } from '../domain/categories.js';
import type { MoneyError } from '../domain/money.js';
import type { SaleLineError } from '../domain/sale-line.js';

/** One-liner errors that are not amount errors (those are worded in `money.errors`). */
type SaleLineOwnError = Exclude<SaleLineError, MoneyError>;
import type { MissionView, ProgressView, SaleView } from './views.js';

/**
 * Indonesian, the first language of the bot. Every user-facing string lives
 * here and in en.ts (same keys, checked by the type). Values put into HTML
 * go through `html`, which escapes them.
 */
export const id = {
  language: { name: 'Bahasa Indonesia', flag: '🇮🇩' },

  common: {
    error: html`Maaf, ada gangguan di sisi kami. Pesan Anda tidak hilang begitu saja — silakan coba lagi sebentar lagi.`,
    cancelled: html`Dibatalkan. Tidak ada yang disimpan.`,
    cancelButton: '✖️ Batal',
    saveButton: '✅ Simpan',
    skipButton: 'Lewati ⏭',
    noActiveMission: html`Belum ada misi dagang yang aktif. Petugas dapat membuatnya dengan /misi.`,
    officialOnly: html`Perintah ini khusus petugas misi. Kalau Anda petugas, minta admin menambahkan Anda.`,
    exhibitorOnly: html`Perintah ini untuk peserta pameran (UMKM). Daftarkan usaha Anda dulu dengan /daftar.`,
    privateOnly: html`Perintah ini hanya bisa dipakai di chat pribadi dengan bot.`,
    staleButton: 'Tombol ini sudah tidak berlaku.',
    staleButtonHint: html`Tekan salah satu tombol di atas, atau ketik /batal.`,
    wizardLeft: html`Isian sebelumnya saya tutup (tidak disimpan) supaya perintah ini bisa dijalankan.`,
    wizardCancelHint: html`<i>Ketik /batal untuk berhenti.</i>`,
    textExpected: html`Mohon jawab dengan teks, ya.`,
    tooLong: (max: number) => html`Terlalu panjang — paling banyak ${max} karakter.`,
    tooShort: (min: number) => html`Terlalu pendek — paling sedikit ${min} karakter.`,
  },

  money: {
    errors: {
      empty: 'Nilainya belum diisi.',
      not_a_number: 'Nilainya tidak terbaca sebagai angka.',
      negative: 'Nilai tidak boleh negatif.',
      zero: 'Nilai harus lebih dari nol.',
      ambiguous: 'Penulisan angkanya membingungkan (titik/komanya).',
      too_large: 'Nilainya terlalu besar untuk satu transaksi.',
      fraction: 'Rupiah tidak punya sen — tulis angka bulat.',
    } satisfies Record<MoneyError, string>,
    examples: html`Contoh: <code>1500000</code>, <code>1.500.000</code>, <code>1,5 jt</code>, <code>750rb</code>, <code>2 M</code>.`,
  },

  categories: {
    makanan: 'Makanan',
    minuman: 'Minuman',
    fashion: 'Fashion',
    tembakau: 'Tembakau/rokok',
    kerajinan: 'Kerajinan',
    lainnya: 'Lainnya',
  } satisfies Record<Category, string>,

  commands: {
    start: 'Mulai',
    bantuan: 'Daftar perintah',
    bahasa: 'Ganti bahasa',
    progres: 'Progres transaksi misi',
    daftar: 'Daftarkan usaha sebagai peserta',
    lapor: 'Laporkan penjualan',
    misi: 'Buat misi dagang (petugas)',
  } satisfies Record<CommandId, string>,

  start: {
    welcome: (name: string, mission: string | undefined) =>
      lines([
        html`Halo, <b>${name}</b>! 👋`,
        html`Saya bot <b>Misi Dagang</b>: peserta UMKM mencatat penjualan, pembeli melihat katalog, petugas memantau capaian.`,
        mission ? html`Misi yang berjalan: <b>${mission}</b>.` : html`Belum ada misi yang berjalan.`,
        '',
        html`Ketik /bantuan untuk melihat apa yang bisa Anda lakukan.`,
      ]),
    inviteNotReady: html`Kode undangan ini belum bisa saya proses. Minta tautan undangan baru dari petugas, atau daftar langsung dengan /daftar.`,
  },

  help: {
    title: html`<b>Perintah yang bisa Anda pakai</b>`,
    line: (command: string, alias: string, description: string) =>
      alias === command ? html`/${command} — ${description}` : html`/${command} (/${alias}) — ${description}`,
    saleTip: html`Tips: laporkan penjualan dalam satu pesan, misalnya <code>/lapor 1,5jt keripik tempe 30 pcs</code>.`,
    roleOfficial: html`Anda terdaftar sebagai <b>petugas</b>.`,
    roleExhibitor: (business: string) => html`Anda terdaftar sebagai peserta: <b>${business}</b>.`,
  },

  languagePick: {
    ask: html`Pilih bahasa / Choose your language:`,
    changed: html`Baik, saya akan memakai Bahasa Indonesia.`,
  },

  province: {
    notFound: (text: string) => html`Provinsi "${text}" tidak saya kenal. Coba ketik lagi, misalnya <i>Jawa Timur</i> atau <i>Jatim</i>.`,
    choose: html`Maksud Anda yang mana?`,
  },

  mission: {
    intro: html`🗂 <b>Misi dagang baru</b>\nSaya akan menanyakan 8 hal. Ketik /batal kapan saja untuk berhenti.`,
    askName: html`1/8 · <b>Nama misi?</b>\nContoh: <i>Misi Dagang Jawa Timur – Banten</i>`,
    askOrigin: html`2/8 · <b>Provinsi asal</b> (yang berkunjung)? Ketik namanya, sebagian pun boleh, misalnya <i>Jatim</i>.`,
    askHost: html`3/8 · <b>Provinsi tuan rumah</b>?`,
    askCity: html`4/8 · <b>Kota</b> tempat pameran?`,
    askStart: html`5/8 · <b>Tanggal mulai</b>? Contoh: <i>26-11-2026</i>, <i>26 Nov</i>, <i>besok</i>.`,
    askEnd: html`6/8 · <b>Tanggal selesai</b>?`,
    askTimeZone: (suggested: string) => html`7/8 · <b>Zona waktu</b> misi? Untuk tuan rumah ini biasanya <b>${suggested}</b>.`,
    askTarget: html`8/8 · <b>Target transaksi</b>? Contoh: <i>3 M</i> atau <i>Rp3.000.000.000</i>.`,
    sameProvince: html`Provinsi tuan rumah harus berbeda dari provinsi asal.`,
    badDate: html`Tanggalnya tidak terbaca. Contoh: <i>26-11-2026</i>, <i>26/11</i>, <i>26 November 2026</i>.`,
    endBeforeStart: (start: string) => html`Tanggal selesai tidak boleh sebelum tanggal mulai (${start}).`,
    tooLongMission: html`Misi paling lama 60 hari. Periksa lagi tanggalnya.`,
    badTimeZone: html`Pilih WIB, WITA atau WIT dengan tombol di atas.`,
    badTarget: (reason: string) => html`${reason} Contoh: <i>3 M</i>, <i>500 jt</i>.`,
    summary: (m: MissionView) =>
      lines([
        html`🗂 <b>Periksa data misi</b>`,
        html`Nama: <b>${m.name}</b>`,
        html`Dari: ${m.origin} → ${m.host}`,
        html`Kota: ${m.city}`,
        html`Tanggal: ${m.dates} (${m.timeZone})`,
        html`Target: <b>${m.target}</b>`,
        '',
        html`Simpan dan jadikan misi aktif?`,
      ]),
    created: (name: string) =>
      html`✅ Misi <b>${name}</b> tersimpan dan sekarang aktif. Peserta bisa mendaftar dengan /daftar dan melapor dengan /lapor.`,
  },

  register: {
    intro: (mission: string) => html`🏪 <b>Pendaftaran peserta — ${mission}</b>\nAda 6 pertanyaan singkat. Ketik /batal untuk berhenti.`,
    closed: html`Pendaftaran untuk misi ini ditutup. Minta tautan undangan dari petugas.`,
    already: (name: string) => html`Anda sudah terdaftar sebagai <b>${name}</b>. Laporkan penjualan dengan /lapor.`,
    askName: html`1/6 · <b>Nama usaha</b> Anda?`,
    askCategory: html`2/6 · <b>Kategori</b> produk utama?`,
    askProvince: html`3/6 · <b>Asal provinsi</b> usaha? Ketik namanya.`,
    askCity: html`4/6 · <b>Kota/kabupaten</b>?`,
    askContact: html`5/6 · <b>Nomor HP/WhatsApp</b>? Tekan tombol "Kirim kontak" atau ketik nomornya. Nomor hanya diberikan ke pembeli yang Anda terima.`,
    shareContactButton: '📱 Kirim kontak',
    askBooth: html`6/6 · <b>Nomor stan</b>? (boleh dilewati)`,
    boothHint: html`Ketik nomor stan, atau tekan <b>Lewati</b> kalau belum tahu.`,
    badCategory: html`Pilih kategori dengan tombol di atas.`,
    badPhone: html`Nomor HP tidak valid. Contoh: <i>0812 3456 7890</i> atau <i>+62 812 3456 7890</i>.`,
    notOwnContact: html`Kirim kontak Anda sendiri, ya — atau ketik nomornya.`,
    summary: (v: { name: string; category: string; province: string; city: string; phone: string; booth: string | null }) =>
      lines([
        html`🏪 <b>Periksa data usaha</b>`,
        html`Nama: <b>${v.name}</b>`,
        html`Kategori: ${v.category}`,
        html`Asal: ${v.city}, ${v.province}`,
        html`HP: ${v.phone}`,
        html`Stan: ${v.booth ?? '—'}`,
      ]),
    done: (name: string) =>
      lines([
        html`✅ <b>${name}</b> terdaftar. Selamat berpameran!`,
        html`Laporkan setiap penjualan dalam satu pesan, misalnya:`,
        html`<code>/lapor 1,5jt keripik tempe 30 pcs</code>`,
      ]),
  },

  sale: {
    usage: lines([
      html`🧾 <b>Laporkan penjualan dalam satu pesan</b>`,
      html`<code>/lapor 1,5jt keripik tempe 30 pcs</code>`,
      html`<code>/lapor 750rb kopi 10 bungkus @Toko Makmur</code>`,
      html`<code>/lapor 2 M kontrak furnitur</code> (pesanan/kontrak)`,
      html`<code>/lapor 500 jt mou</code> (LoI/MoU) · <code>/lapor 1 M investasi</code>`,
    ]),
    parseError: (reason: string) => html`Maaf, laporan belum bisa saya baca: ${reason}`,
    errors: {
      missing_amount: 'nilainya tidak ada di awal pesan.',
      quantity_invalid: 'jumlah barangnya tidak masuk akal.',
      product_too_long: 'nama produknya terlalu panjang (paling banyak 120 karakter).',
      buyer_too_long: 'nama pembelinya terlalu panjang (paling banyak 120 karakter).',
      kind_conflict: 'ada dua jenis transaksi sekaligus (mis. "kontrak" dan "mou") — pilih satu.',
      direction_conflict: 'ada "jual" dan "beli" sekaligus — pilih satu.',
      buyer_conflict: 'pembelinya ditulis dua kali — cukup satu.',
    } satisfies Record<SaleLineOwnError, string>,
    confirm: (s: SaleView) =>
      lines([
        html`🧾 <b>Periksa laporan</b>`,
        html`Nilai: <b>${s.amount}</b>`,
        html`Jenis: ${s.kind}`,
        html`Arah: ${s.direction}`,
        s.product && html`Produk: ${s.product}`,
        s.quantity && html`Jumlah: ${s.quantity}`,
        s.buyer && html`Pembeli: ${s.buyer}`,
        '',
        html`Sudah benar? Tekan <b>Simpan</b>.`,
      ]),
    saved: (s: SaleView, reportId: number, total: string, percent: string) =>
      lines([
        html`✅ <b>Tersimpan</b> (laporan #${reportId}): ${s.amount}${s.product ? raw(' — ') : ''}${s.product ?? ''}${s.quantity ? raw(', ') : ''}${s.quantity ?? ''}.`,
        html`Total misi sekarang <b>${total}</b> (${percent} dari target). Terima kasih!`,
      ]),
    alreadySaved: 'Laporan ini sudah tersimpan.',
    savedToast: 'Tersimpan ✅',
    expired: 'Konfirmasi ini sudah kedaluwarsa. Kirim /lapor lagi, ya.',
    cancelled: html`Laporan dibatalkan, tidak ada yang disimpan.`,
    kinds: { RETAIL: 'Tunai (retail)', ORDER: 'Pesanan/kontrak', LOI: 'LoI/MoU', INVESTMENT: 'Investasi' },
    directions: { SELL: 'Jual', BUY: 'Beli' },
  },

  progress: {
    message: (p: ProgressView) =>
      lines([
        html`📊 <b>Progres ${p.mission}</b>`,
        html`${p.place} · ${p.dates}`,
        '',
        html`Total: <b>${p.total}</b> dari target ${p.target}`,
        html`<code>${p.bar}</code> ${p.percent}`,
        html`Hari ini: ${p.today} (${p.todayCount} transaksi)`,
        '',
        html`💵 Terealisasi (tunai): ${p.realised}`,
        html`📝 Komitmen (pesanan + LoI): ${p.committed}`,
        html`🏗 Investasi: ${p.investment}`,
        html`↔️ Jual ${p.sell} · Beli ${p.buy}`,
        html`✔️ Terverifikasi: ${p.verified}`,
        '',
        html`${p.reportCount} laporan dari ${p.exhibitorCount} peserta`,
        p.phase === 'before'
          ? html`⏳ Misi dimulai ${p.startsIn} hari lagi.`
          : p.phase === 'after'
            ? html`🏁 Misi sudah selesai.`
            : p.reached
              ? html`🎉 Target tercapai! Sisa ${p.daysLeft} hari.`
              : html`⏳ Sisa ${p.daysLeft} hari · perlu ${p.neededPerDay}/hari untuk mencapai target`,
        p.projected && p.phase === 'during' && html`📈 Proyeksi akhir dengan laju sekarang: ${p.projected}`,
      ]),
  },
};

export type Catalogue = typeof id;
export type { SafeHtml };
