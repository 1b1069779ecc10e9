import type { Category } from '../../domain/categories.js';
import type { MoneyError } from '../../domain/money.js';
import { bilingual } from '../bilingual.js';
import { html } from '../html.js';

/** Words every feature uses: errors, buttons, amounts, categories, provinces. */
export const language = bilingual({
  id: { name: 'Bahasa Indonesia', flag: '🇮🇩' },
  en: { name: 'English', flag: '🇬🇧' },
});

export const common = bilingual({
  id: {
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
  en: {
    error: html`Sorry, something went wrong on our side. Please try again in a moment.`,
    cancelled: html`Cancelled. Nothing was saved.`,
    cancelButton: '✖️ Cancel',
    saveButton: '✅ Save',
    skipButton: 'Skip ⏭',
    noActiveMission: html`No trade mission is active yet. An official can create one with /mission.`,
    officialOnly: html`This command is for mission officials. If you are one, ask an admin to add you.`,
    exhibitorOnly: html`This command is for exhibitors (UMKM). Register your business first with /register.`,
    privateOnly: html`This command only works in a private chat with the bot.`,
    staleButton: 'This button is no longer valid.',
    staleButtonHint: html`Tap one of the buttons above, or type /cancel.`,
    wizardLeft: html`I closed the form you were filling in (nothing saved) so this command can run.`,
    wizardCancelHint: html`<i>Type /cancel to stop.</i>`,
    textExpected: html`Please answer with text.`,
    tooLong: (max: number) => html`Too long — at most ${max} characters.`,
    tooShort: (min: number) => html`Too short — at least ${min} characters.`,
  },
});

export const money = bilingual({
  id: {
    errors: {
      empty: 'Nilainya belum diisi.',
      not_a_number: 'Nilainya tidak terbaca sebagai angka.',
      negative: 'Nilai tidak boleh negatif.',
      zero: 'Nilai harus lebih dari nol.',
      ambiguous: 'Penulisan angkanya membingungkan (titik/komanya).',
      too_large: 'Nilainya terlalu besar untuk satu transaksi. Paling banyak Rp1.000 T.',
      fraction: 'Rupiah tidak punya sen — tulis angka bulat.',
      scientific: 'Tulis angkanya biasa, tanpa notasi "e" (mis. 1.500.000).',
    } satisfies Record<MoneyError, string>,
    twoReadings: (first: string, second: string) => `Maksudnya ${first} atau ${second}? Tulis tanpa ragu, mis. ${second.replace(/^Rp/, '')}.`,
    examples: html`Contoh: <code>1500000</code>, <code>1.500.000</code>, <code>1,5 jt</code>, <code>750rb</code>, <code>2 M</code>.`,
  },
  en: {
    errors: {
      empty: 'The amount is missing.',
      not_a_number: 'The amount is not a number I can read.',
      negative: 'The amount cannot be negative.',
      zero: 'The amount must be more than zero.',
      ambiguous: 'The dots and commas in the number are ambiguous.',
      too_large: 'The amount is too large for one transaction: at most Rp1,000 trillion.',
      fraction: 'Rupiah has no cents — use a whole number.',
      scientific: 'Write the number plainly, without "e" notation (e.g. 1.500.000).',
    },
    twoReadings: (first, second) => `Did you mean ${first} or ${second}? Write it so only one reading fits, e.g. ${second.replace(/^Rp/, '')}.`,
    examples: html`Examples: <code>1500000</code>, <code>1.500.000</code>, <code>1,5 jt</code>, <code>750rb</code>, <code>2 M</code>.`,
  },
});

export const categories = bilingual({
  id: {
    makanan: 'Makanan',
    minuman: 'Minuman',
    fashion: 'Fashion',
    tembakau: 'Tembakau/rokok',
    kerajinan: 'Kerajinan',
    lainnya: 'Lainnya',
  } satisfies Record<Category, string>,
  en: {
    makanan: 'Food',
    minuman: 'Drinks',
    fashion: 'Fashion',
    tembakau: 'Tobacco',
    kerajinan: 'Crafts',
    lainnya: 'Other',
  },
});

export const province = bilingual({
  id: {
    notFound: (text: string) => html`Provinsi "${text}" tidak saya kenal. Coba ketik lagi, misalnya <i>Jawa Timur</i> atau <i>Jatim</i>.`,
    choose: html`Maksud Anda yang mana?`,
  },
  en: {
    notFound: (text) => html`I do not know the province "${text}". Try again, e.g. <i>Jawa Timur</i> or <i>Jatim</i>.`,
    choose: html`Which one do you mean?`,
  },
});
