import { bilingual } from '../bilingual.js';
import { html, lines } from '../html.js';
import { plural } from '../plural.js';

/** What the /ekspor captions say about the files. */
export interface ExportCaptionView {
  mission: string;
  reports: number;
  voided: number;
  exhibitors: number;
  products: number;
  timeZone: string;
  /** Amounts too large for an exact number cell, written as text instead. */
  textAmounts: number;
}

/** What the message that ends the /ekspor progress says about the files. */
export interface ExportReadyView {
  /** Workbook files: more than one when the workbook is larger than Telegram takes. */
  workbookParts: number;
  csvParts: number;
  csvZipped: boolean;
  /** Sizes in megabytes: the whole CSV, and zipped (all parts together). */
  csvMb: number;
  zippedMb: number;
  limitMb: number;
}

/** One of several files of a split export: part `index` of `count`, reports `first`..`last`. */
export interface ExportPartView {
  index: number;
  count: number;
  first: number | null;
  last: number | null;
}

// One decimal, more for a fraction of a megabyte (the tests' small files).
const mbId = (value: number) => value.toLocaleString('id-ID', { maximumFractionDigits: value < 1 ? 3 : 1 });
const mbEn = (value: number) => value.toLocaleString('en-US', { maximumFractionDigits: value < 1 ? 3 : 1 });

/**
 * /ekspor: the captions of the two files, and every word written into the
 * workbook and the CSV (sheet names, headers, values), plain text.
 */
export const exports = bilingual({
  id: {
    captionXlsx: (v: ExportCaptionView) =>
      lines([
        html`📊 <b>Ekspor ${v.mission}</b>`,
        html`${v.reports} laporan (${v.voided} dibatalkan), ${v.exhibitors} peserta, ${v.products} produk. Waktu dalam ${v.timeZone}.`,
        v.textAmounts > 0 && html`⚠️ ${v.textAmounts} nilai melebihi batas angka Excel dan ditulis sebagai teks (tepat, tanpa pembulatan).`,
      ]),
    captionCsv: html`Laporan yang sama sebagai CSV (UTF-8, pemisah titik koma) untuk aplikasi lain.`,
    captionCsvZipped: html`Laporan yang sama sebagai CSV (UTF-8, pemisah titik koma) untuk aplikasi lain, dikompres ZIP karena besar: buka ZIP-nya, CSV ada di dalamnya.`,
    captionPart: (v: ExportPartView) =>
      v.first === null ? html`Berkas ${v.index} dari ${v.count}.` : html`Berkas ${v.index} dari ${v.count}: laporan no. ${v.first}–${v.last}.`,
    progress: (percent: number) => html`⏳ Menyiapkan ekspor… ${percent} %`,
    ready: (v: ExportReadyView) =>
      lines([
        html`✅ Ekspor siap, berkasnya menyusul.`,
        v.workbookParts > 1 &&
          html`📊 Buku kerja melebihi ${mbId(v.limitMb)} MB (batas berkas Telegram), jadi dibagi menjadi ${v.workbookParts} berkas menurut nomor laporan. Setiap berkas memuat ringkasan, peserta dan produk.`,
        v.csvZipped && v.csvParts === 1 && html`🗜️ CSV (${mbId(v.csvMb)} MB) dikompres menjadi ZIP (${mbId(v.zippedMb)} MB) agar cepat diunduh.`,
        v.csvParts > 1 &&
          html`🗜️ CSV (${mbId(v.csvMb)} MB) dikompres ZIP dan masih melebihi ${mbId(v.limitMb)} MB, jadi dibagi menjadi ${v.csvParts} berkas; setiap berkas memuat baris judul.`,
      ]),
    failed: html`⚠️ Ekspor gagal dibuat. Coba lagi sebentar lagi.`,
    /** In the file name of one part of a split export: `misi-…-2026-11-27-bagian-2.xlsx`. */
    partLabel: 'bagian',
    sheets: { reports: 'Laporan', exhibitors: 'Peserta', products: 'Produk', summary: 'Ringkasan', meetings: 'Temu bisnis' },
    dateTimeFormat: 'dd/mm/yyyy hh:mm',
    dateFormat: 'dd/mm/yyyy',
    /** Footer of a printed page: `Halaman 2 / 5`. */
    page: 'Halaman',
    yes: 'Ya',
    no: 'Tidak',
    live: 'Berlaku',
    voided: 'Dibatalkan',
    reportColumns: {
      id: 'No. laporan',
      time: (zone: string) => `Waktu (${zone})`,
      kind: 'Jenis',
      direction: 'Arah',
      exhibitor: 'Peserta',
      category: 'Kategori',
      province: 'Provinsi asal',
      product: 'Produk',
      quantity: 'Jumlah',
      unit: 'Satuan',
      buyer: 'Pembeli',
      buyerOrigin: 'Asal pembeli',
      amount: 'Nilai (Rp)',
      verified: 'Terverifikasi',
      status: 'Status',
      voidReason: 'Alasan pembatalan',
    },
    meetingColumns: {
      id: 'No. temu',
      day: 'Tanggal',
      time: (zone: string) => `Jam (${zone})`,
      table: 'Meja',
      exhibitor: 'Peserta',
      buyer: 'Pembeli',
      status: 'Status',
      outcome: 'Hasil',
      note: 'Catatan pembeli',
      report: 'No. laporan',
      amount: 'Nilai laporan (Rp)',
    },
    meetingStatus: {
      REQUESTED: 'Menunggu jawaban',
      ACCEPTED: 'Disetujui',
      PROPOSED: 'Waktu lain diusulkan',
      DECLINED: 'Ditolak',
      CANCELLED: 'Dibatalkan',
      HELD: 'Terlaksana',
      NO_SHOW: 'Tidak hadir',
    },
    meetingOutcome: { NOT_INTERESTED: 'Tidak berminat', FOLLOW_UP: 'Ditindaklanjuti', DEAL: 'Deal' },
    meetingSummary: {
      title: 'Temu bisnis',
      booked: 'Temu terjadwal',
      held: 'Temu terlaksana',
      deals: 'Berakhir deal',
      amount: 'Nilai laporan dari temu (Rp)',
    },
    exhibitorColumns: {
      id: 'No. peserta',
      name: 'Nama usaha',
      category: 'Kategori',
      province: 'Provinsi asal',
      city: 'Kota',
      phone: 'Telepon',
      booth: 'Stan',
      verified: 'Terverifikasi',
      registered: (zone: string) => `Terdaftar (${zone})`,
      reports: 'Laporan berlaku',
      total: 'Total (Rp)',
    },
    productColumns: {
      id: 'No. produk',
      exhibitor: 'Peserta',
      name: 'Nama produk',
      category: 'Kategori',
      price: 'Harga (Rp)',
      unit: 'Satuan',
      minOrder: 'Min. pesanan',
      active: 'Aktif',
      description: 'Keterangan',
    },
    summary: {
      mission: 'Misi',
      route: 'Asal → tujuan',
      city: 'Kota',
      dates: 'Tanggal',
      timeZone: 'Zona waktu',
      target: 'Target (Rp)',
      total: 'Total berlaku (Rp)',
      percent: 'Capaian target',
      reports: 'Laporan berlaku',
      voided: 'Laporan dibatalkan',
      realised: 'Terealisasi/tunai (Rp)',
      committed: 'Komitmen: pesanan + LoI (Rp)',
      investment: 'Investasi (Rp)',
      sell: 'Jual (Rp)',
      buy: 'Beli (Rp)',
      generated: (zone: string) => `Dibuat (${zone})`,
      byCategory: 'Per kategori',
      byProvince: 'Per provinsi asal',
      byDay: 'Per hari',
      columns: {
        category: 'Kategori',
        province: 'Provinsi',
        day: 'Tanggal',
        reports: 'Laporan',
        total: 'Total (Rp)',
        realised: 'Terealisasi/tunai (Rp)',
        committed: 'Komitmen: pesanan + LoI (Rp)',
        investment: 'Investasi (Rp)',
      },
      sum: 'Jumlah',
      none: 'Belum ada laporan',
    },
  },
  en: {
    captionXlsx: (v) =>
      lines([
        html`📊 <b>Export of ${v.mission}</b>`,
        html`${plural(v.reports, 'report', 'reports')} (${v.voided} voided), ${plural(v.exhibitors, 'exhibitor', 'exhibitors')}, ${plural(v.products, 'product', 'products')}. Times in ${v.timeZone}.`,
        v.textAmounts > 0 && html`⚠️ ${v.textAmounts} amounts exceed Excel's number limit and are written as text (exact, not rounded).`,
      ]),
    captionCsv: html`The same reports as CSV (UTF-8, semicolon separated) for other tools.`,
    captionCsvZipped: html`The same reports as CSV (UTF-8, semicolon separated) for other tools, zipped because it is large: open the ZIP, the CSV is inside.`,
    captionPart: (v) => (v.first === null ? html`File ${v.index} of ${v.count}.` : html`File ${v.index} of ${v.count}: reports no. ${v.first}–${v.last}.`),
    progress: (percent) => html`⏳ Preparing the export… ${percent}%`,
    ready: (v) =>
      lines([
        html`✅ The export is ready, the files follow.`,
        v.workbookParts > 1 &&
          html`📊 The workbook is over ${mbEn(v.limitMb)} MB (Telegram's file limit), so it is split into ${v.workbookParts} files by report number. Every file has the summary, exhibitors and products.`,
        v.csvZipped && v.csvParts === 1 && html`🗜️ The CSV (${mbEn(v.csvMb)} MB) is zipped (${mbEn(v.zippedMb)} MB) for a quicker download.`,
        v.csvParts > 1 &&
          html`🗜️ The CSV (${mbEn(v.csvMb)} MB) is zipped and still over ${mbEn(v.limitMb)} MB, so it is split into ${v.csvParts} files, each with the header line.`,
      ]),
    failed: html`⚠️ The export could not be made. Please try again shortly.`,
    partLabel: 'part',
    sheets: { reports: 'Reports', exhibitors: 'Exhibitors', products: 'Products', summary: 'Summary', meetings: 'Meetings' },
    dateTimeFormat: 'yyyy-mm-dd hh:mm',
    dateFormat: 'yyyy-mm-dd',
    page: 'Page',
    yes: 'Yes',
    no: 'No',
    live: 'Valid',
    voided: 'Voided',
    reportColumns: {
      id: 'Report no.',
      time: (zone) => `Time (${zone})`,
      kind: 'Kind',
      direction: 'Direction',
      exhibitor: 'Exhibitor',
      category: 'Category',
      province: 'Origin province',
      product: 'Product',
      quantity: 'Quantity',
      unit: 'Unit',
      buyer: 'Buyer',
      buyerOrigin: 'Buyer origin',
      amount: 'Amount (Rp)',
      verified: 'Verified',
      status: 'Status',
      voidReason: 'Void reason',
    },
    meetingColumns: {
      id: 'Meeting no.',
      day: 'Date',
      time: (zone) => `Time (${zone})`,
      table: 'Table',
      exhibitor: 'Exhibitor',
      buyer: 'Buyer',
      status: 'Status',
      outcome: 'Outcome',
      note: "Buyer's note",
      report: 'Report no.',
      amount: 'Report amount (Rp)',
    },
    meetingStatus: {
      REQUESTED: 'Waiting for an answer',
      ACCEPTED: 'Accepted',
      PROPOSED: 'Other time proposed',
      DECLINED: 'Declined',
      CANCELLED: 'Cancelled',
      HELD: 'Held',
      NO_SHOW: 'No-show',
    },
    meetingOutcome: { NOT_INTERESTED: 'Not interested', FOLLOW_UP: 'Follow up', DEAL: 'Deal' },
    meetingSummary: {
      title: 'Business meetings',
      booked: 'Meetings booked',
      held: 'Meetings held',
      deals: 'Ending in a deal',
      amount: 'Reported from meetings (Rp)',
    },
    exhibitorColumns: {
      id: 'Exhibitor no.',
      name: 'Business name',
      category: 'Category',
      province: 'Origin province',
      city: 'City',
      phone: 'Phone',
      booth: 'Booth',
      verified: 'Verified',
      registered: (zone) => `Registered (${zone})`,
      reports: 'Valid reports',
      total: 'Total (Rp)',
    },
    productColumns: {
      id: 'Product no.',
      exhibitor: 'Exhibitor',
      name: 'Product name',
      category: 'Category',
      price: 'Price (Rp)',
      unit: 'Unit',
      minOrder: 'Min. order',
      active: 'Active',
      description: 'Description',
    },
    summary: {
      mission: 'Mission',
      route: 'Origin → host',
      city: 'City',
      dates: 'Dates',
      timeZone: 'Time zone',
      target: 'Target (Rp)',
      total: 'Valid total (Rp)',
      percent: 'Share of target',
      reports: 'Valid reports',
      voided: 'Voided reports',
      realised: 'Realised/cash (Rp)',
      committed: 'Committed: orders + LoI (Rp)',
      investment: 'Investment (Rp)',
      sell: 'Sold (Rp)',
      buy: 'Bought (Rp)',
      generated: (zone) => `Generated (${zone})`,
      byCategory: 'By category',
      byProvince: 'By origin province',
      byDay: 'By day',
      columns: {
        category: 'Category',
        province: 'Province',
        day: 'Date',
        reports: 'Reports',
        total: 'Total (Rp)',
        realised: 'Realised/retail (Rp)',
        committed: 'Committed: orders + LoI (Rp)',
        investment: 'Investment (Rp)',
      },
      sum: 'Total',
      none: 'No reports yet',
    },
  },
});
