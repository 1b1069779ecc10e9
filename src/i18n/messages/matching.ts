import type { MeetingStatusName, SessionSpecError } from '../../domain/matching.js';
import type { MeetingFiguresView } from '../views.js';
import { bilingual } from '../bilingual.js';
import { html, lines, type SafeHtml } from '../html.js';
import { plural } from '../plural.js';

/** A meeting as either side reads it; day and time already in the mission's zone. */
export interface MeetingView {
  id: number;
  /** `Kam, 26 Nov 2026` style date. */
  day: string;
  /** `09:20–09:40 WIB`. */
  time: string;
  table: number;
  exhibitor: string;
  booth: string | null;
  buyer: string;
  note: string | null;
  status: MeetingStatusName;
}

export interface SessionView {
  days: string;
  hours: string;
  slotMinutes: number;
  tableCount: number;
  slots: number;
}

const STATUS_ID: Record<MeetingStatusName, string> = {
  REQUESTED: '⏳ menunggu jawaban',
  ACCEPTED: '✅ disetujui',
  DECLINED: '❌ ditolak',
  CANCELLED: '🚫 dibatalkan',
  HELD: '🤝 sudah berlangsung',
  NO_SHOW: '👻 tidak hadir',
  PROPOSED: '🕑 diusulkan waktu lain, menunggu jawaban pembeli',
};
const STATUS_EN: Record<MeetingStatusName, string> = {
  REQUESTED: '⏳ waiting for an answer',
  ACCEPTED: '✅ accepted',
  DECLINED: '❌ declined',
  CANCELLED: '🚫 cancelled',
  HELD: '🤝 held',
  NO_SHOW: '👻 no-show',
  PROPOSED: '🕑 another time proposed, waiting for the buyer',
};

function where(v: MeetingView, table: string, booth: string): SafeHtml {
  return html`🪑 ${table} ${v.table}${v.booth ? html` · ${booth} ${v.booth}` : ''}`;
}

/** Business matching: /misi temu, /temu, the answers, /jadwal. */
export const matching = bilingual({
  id: {
    sessionUsage: lines([
      html`🤝 <b>Sesi temu bisnis</b>: <code>/misi temu &lt;hari&gt; &lt;jam mulai-selesai&gt; &lt;menit per slot&gt; &lt;jumlah meja&gt;</code>`,
      html`Contoh: <code>/misi temu 26/11-27/11 09:00-12:00 20 10</code> atau <code>/misi temu hari ini 13.00-16.00 30 5</code>`,
    ]),
    sessionErrors: {
      format: 'Formatnya belum pas.',
      bad_day: 'Harinya tidak terbaca (satu tanggal, atau rentang seperti 26/11-27/11, paling lama 14 hari).',
      outside_mission: 'Harinya di luar tanggal misi.',
      bad_time: 'Jamnya tidak terbaca (contoh 09:00-12:00).',
      end_before_start: 'Jam selesai harus setelah jam mulai.',
      slot_length: 'Panjang slot 10–120 menit.',
      tables: 'Jumlah meja 1–200.',
      no_slot: 'Dalam jam itu tidak muat satu slot pun.',
    } satisfies Record<SessionSpecError, string>,
    sessionCreated: (v: SessionView) =>
      lines([
        html`✅ <b>Sesi temu bisnis dibuat</b>`,
        html`📅 ${v.days}`,
        html`🕘 ${v.hours} · ${v.slotMinutes} menit per slot · ${v.slots} slot per hari`,
        html`🪑 ${v.tableCount} meja`,
        html`Pembeli kini bisa mengajak peserta bertemu dengan /temu atau tombol 🤝 di kartu produk.`,
      ]),
    meetButton: '🤝 Ajak bertemu',
    usage: html`🤝 <b>Temu bisnis</b>: ketik <code>/temu nama usaha</code>, misalnya <code>/temu keripik</code>, atau tekan 🤝 <b>Ajak bertemu</b> di kartu produk.`,
    noExhibitor: (query: string) => html`Tidak ada peserta bernama «${query}». Coba kata lain, atau cari produknya di /katalog.`,
    pickExhibitor: html`Pilih peserta yang ingin diajak bertemu:`,
    exhibitorGone: html`Peserta atau sesi ini sudah tidak ada di misi yang aktif. Lihat /katalog.`,
    noSession: html`Belum ada sesi temu bisnis yang dibuka untuk misi ini.`,
    ownBusiness: html`Ini usaha Anda sendiri.`,
    pickDay: (exhibitor: string) => html`🤝 Temu bisnis dengan <b>${exhibitor}</b> — pilih hari:`,
    pickSlot: (exhibitor: string, day: string) => html`🤝 <b>${exhibitor}</b>, ${day} — pilih jam (peserta, Anda, dan satu meja masih kosong):`,
    noSlot: (exhibitor: string, day: string) => html`Tidak ada slot kosong dengan <b>${exhibitor}</b> pada ${day}. Pilih hari lain.`,
    askNote: (exhibitor: string, day: string, time: string) =>
      lines([html`📝 ${day}, ${time} dengan <b>${exhibitor}</b>.`, html`Tulis singkat apa yang ingin dibicarakan (produk, volume), 3–300 karakter.`]),
    noteTooShort: html`Catatannya terlalu pendek — paling sedikit 3 karakter.`,
    noteTooLong: html`Catatannya terlalu panjang — paling banyak 300 karakter.`,
    slotTaken: html`Maaf, slot itu baru saja terisi. Pilih jam lain:`,
    requested: (v: MeetingView) => html`📨 Permintaan temu #${v.id} terkirim ke <b>${v.exhibitor}</b> (${v.day}, ${v.time}). Saya kabari begitu dijawab; semua jadwal ada di /jadwal.`,
    toExhibitor: (v: MeetingView) =>
      lines([
        html`🤝 <b>Permintaan temu bisnis #${v.id}</b>`,
        html`Dari: <b>${v.buyer}</b>`,
        html`📅 ${v.day}, ${v.time}`,
        where(v, 'Meja', 'Stan'),
        v.note !== null && html`<blockquote>${v.note}</blockquote>`,
      ]),
    acceptButton: '✅ Setuju',
    declineButton: '❌ Tolak',
    proposeButton: '🕑 Usulkan waktu lain',
    proposePickDay: (v: MeetingView) =>
      lines([html`🕑 <b>Usulkan waktu lain</b> untuk temu #${v.id} dengan <b>${v.buyer}</b>`, html`Diminta: ${v.day}, ${v.time}`, html`Pilih hari:`]),
    proposeDayButton: (day: string, slots: number) => `${day} · ${slots} slot kosong`,
    proposePickSlot: (v: MeetingView, day: string) =>
      lines([html`🕑 <b>Usulkan waktu lain</b> untuk temu #${v.id} dengan <b>${v.buyer}</b>`, html`Diminta: ${v.day}, ${v.time}`, html`${day} — pilih jam (Anda, pembeli, dan satu meja masih kosong):`]),
    proposeNoSlot: (v: MeetingView) =>
      html`Tidak ada slot lain di mana Anda, <b>${v.buyer}</b>, dan satu meja sama-sama kosong. Setujui atau tolak jam yang diminta (temu #${v.id}).`,
    proposeTaken: html`Maaf, slot itu baru saja terisi. Slot yang masih kosong:`,
    proposeTakenToast: 'Slot itu baru saja terisi — pilih yang lain.',
    otherDayButton: '📅 Hari lain',
    backButton: '⬅️ Kembali',
    proposedToast: 'Usulan terkirim — menunggu jawaban pembeli.',
    proposedByYou: (v: MeetingView, requested: string) =>
      lines([
        html`🕑 <b>Anda mengusulkan waktu lain untuk temu #${v.id}</b> dengan <b>${v.buyer}</b>`,
        html`📅 ${v.day}, ${v.time} (semula ${requested})`,
        where(v, 'Meja', 'Stan'),
        html`Menunggu jawaban pembeli; saya kabari. Semua jadwal ada di /jadwal.`,
      ]),
    proposalForBuyer: (v: MeetingView, requested: string, exhibitor: string) =>
      lines([
        html`🕑 <b>${exhibitor}</b> mengusulkan waktu lain untuk temu bisnis #${v.id}`,
        html`📅 ${v.day}, ${v.time}`,
        where(v, 'Meja', 'Stan'),
        html`<i>Anda meminta ${requested}, yang tidak bisa.</i>`,
        html`Setuju dengan waktu ini?`,
      ]),
    confirmProposalButton: '✅ Setuju',
    rejectProposalButton: '❌ Tolak',
    confirmProposalFromSchedule: (id: number) => `✅ Setujui waktu #${id}`,
    proposalConfirmedByYou: (v: MeetingView) => html`✅ Anda menyetujui temu #${v.id} dengan <b>${v.exhibitor}</b> pada ${v.day}, ${v.time}. Konfirmasi dan file kalender menyusul.`,
    proposalDeclinedByYou: (v: MeetingView) => html`❌ Anda menolak waktu yang diusulkan <b>${v.exhibitor}</b> untuk temu #${v.id} (${v.day}, ${v.time}). Coba jam lain dengan /temu.`,
    proposalDeclinedForExhibitor: (v: MeetingView) => html`❌ <b>${v.buyer}</b> menolak waktu yang Anda usulkan untuk temu #${v.id} (${v.day}, ${v.time}). Slotnya kembali kosong.`,
    proposalDeclinedToast: 'Ditolak — peserta sudah diberi tahu.',
    confirmed: (v: MeetingView, other: string) =>
      lines([html`✅ <b>Temu bisnis #${v.id} disetujui</b>`, html`📅 ${v.day}, ${v.time}`, where(v, 'Meja', 'Stan'), html`👤 ${other}`, html`<i>File kalender terlampir; pengingat 15 menit sebelumnya.</i>`]),
    icsCaption: (id: number) => html`📅 Temu bisnis #${id} — buka untuk menambah ke kalender.`,
    acceptedToast: 'Disetujui — kedua pihak sudah diberi tahu.',
    declinedToast: 'Ditolak.',
    declinedForExhibitor: (v: MeetingView) => html`❌ Anda menolak temu #${v.id} dengan ${v.buyer}. Slotnya kembali kosong.`,
    declinedForBuyer: (v: MeetingView) => html`Mohon maaf, <b>${v.exhibitor}</b> belum bisa bertemu pada ${v.day}, ${v.time} (temu #${v.id}). Coba jam lain dengan /temu.`,
    reminder: (v: MeetingView, other: string) => lines([html`⏰ <b>15 menit lagi: temu bisnis #${v.id}</b>`, html`${v.time} · ${other}`, where(v, 'Meja', 'Stan')]),
    cancelButton: (id: number) => `🚫 Batalkan #${id}`,
    cancelledToast: 'Dibatalkan — pihak lain sudah diberi tahu.',
    cancelledByYou: (v: MeetingView) => html`🚫 Temu #${v.id} (${v.day}, ${v.time}) dibatalkan. Slotnya kembali kosong.`,
    cancelledByOther: (v: MeetingView, other: string) => html`🚫 <b>${other}</b> membatalkan temu #${v.id} (${v.day}, ${v.time}).`,
    notParty: 'Hanya pihak dalam temu ini yang bisa mengubahnya.',
    notFound: 'Temu ini tidak ditemukan.',
    alreadyAnswered: (status: MeetingStatusName) =>
      status === 'PROPOSED' ? 'Waktu lain sudah diusulkan untuk temu ini; menunggu jawaban pembeli.' : `Temu ini sudah ${STATUS_ID[status].replace(/^\S+ /, '')}.`,
    scheduleTitle: html`📅 <b>Jadwal temu bisnis Anda</b>`,
    scheduleLine: (v: MeetingView, other: string) => lines([html`#${v.id} · ${v.day}, ${v.time} · ${STATUS_ID[v.status]}`, html`    ${other} · Meja ${v.table}`]),
    scheduleNone: html`Belum ada jadwal temu bisnis. Ajak peserta bertemu dengan /temu.`,
    planTitle: (day: string, count: number) => html`🗓 <b>Rencana temu bisnis ${day}</b> — ${count} temu`,
    planTable: (table: number) => html`<b>Meja ${table}</b>`,
    planLine: (v: MeetingView) => html`  ${v.time} · ${v.exhibitor} ↔ ${v.buyer} · ${STATUS_ID[v.status]}`,
    planNone: (day: string) => html`Belum ada temu bisnis pada ${day}.`,
    planHint: html`<i>Petugas: <code>/jadwal 27/11</code> untuk hari lain.</i>`,
    outcomeQuestion: (v: MeetingView, other: string) => html`🤝 Bagaimana hasil temu bisnis #${v.id} dengan <b>${other}</b> (${v.day}, ${v.time})?`,
    outcomeButtons: { NOT_INTERESTED: '🙅 Tidak berminat', FOLLOW_UP: '🔁 Ditindaklanjuti', DEAL: '🤝 Deal' },
    outcomeSaved: 'Terima kasih, hasilnya dicatat.',
    dealAskKind: (v: MeetingView) => html`🎉 Deal dengan <b>${v.buyer}</b> (temu #${v.id})! Catat sebagai laporan transaksi — jenisnya:`,
    dealKindButtons: { ORDER: '📝 Pesanan / kontrak', LOI: '📜 MoU / LoI' },
    dealAskAmount: (buyer: string) => html`Berapa nilainya? Ketik jumlahnya, misalnya <code>25 jt</code>. Pembeli: <b>${buyer}</b>.`,
    dealBadAmount: html`Jumlahnya tidak terbaca. Contoh: <code>25 jt</code>, <code>1,5 M</code>, <code>750rb</code>.`,
    dealBuyerThanks: html`🎉 Selamat! Peserta akan mencatat transaksinya.`,
    /** One line for /progres and the digest. */
    figures: (m: MeetingFiguresView) => html`🤝 Temu bisnis: ${m.booked} terjadwal, ${m.held} terlaksana, ${m.deals} deal (${m.dealAmount})`,
  },
  en: {
    sessionUsage: lines([
      html`🤝 <b>Business matching session</b>: <code>/mission meet &lt;days&gt; &lt;start-end&gt; &lt;minutes per slot&gt; &lt;tables&gt;</code>`,
      html`Example: <code>/mission meet 26/11-27/11 09:00-12:00 20 10</code> or <code>/mission meet today 13.00-16.00 30 5</code>`,
    ]),
    sessionErrors: {
      format: 'The format is not right yet.',
      bad_day: 'The days could not be read (one date, or a range like 26/11-27/11, at most 14 days).',
      outside_mission: 'The days are outside the mission dates.',
      bad_time: 'The hours could not be read (for example 09:00-12:00).',
      end_before_start: 'The end must be after the start.',
      slot_length: 'A slot is 10–120 minutes.',
      tables: 'Tables: 1–200.',
      no_slot: 'Not one slot fits in those hours.',
    },
    sessionCreated: (v) =>
      lines([
        html`✅ <b>Business matching session created</b>`,
        html`📅 ${v.days}`,
        html`🕘 ${v.hours} · ${v.slotMinutes} minutes per slot · ${v.slots} slots a day`,
        html`🪑 ${v.tableCount} tables`,
        html`Buyers can now ask exhibitors to meet with /meet or the 🤝 button on product cards.`,
      ]),
    meetButton: '🤝 Ask to meet',
    usage: html`🤝 <b>Business matching</b>: type <code>/meet business name</code>, for example <code>/meet keripik</code>, or tap 🤝 <b>Ask to meet</b> on a product card.`,
    noExhibitor: (query) => html`No exhibitor is called «${query}». Try another word, or find the product in /catalog.`,
    pickExhibitor: html`Choose the exhibitor you want to meet:`,
    exhibitorGone: html`This exhibitor or session is no longer in the active mission. See /catalog.`,
    noSession: html`No business matching session is open for this mission yet.`,
    ownBusiness: html`This is your own business.`,
    pickDay: (exhibitor) => html`🤝 Meeting with <b>${exhibitor}</b> — choose a day:`,
    pickSlot: (exhibitor, day) => html`🤝 <b>${exhibitor}</b>, ${day} — choose a time (the exhibitor, you and a table are free):`,
    noSlot: (exhibitor, day) => html`No free slot with <b>${exhibitor}</b> on ${day}. Choose another day.`,
    askNote: (exhibitor, day, time) => lines([html`📝 ${day}, ${time} with <b>${exhibitor}</b>.`, html`Write briefly what you want to discuss (product, volume), 3–300 characters.`]),
    noteTooShort: html`The note is too short — at least 3 characters.`,
    noteTooLong: html`The note is too long — at most 300 characters.`,
    slotTaken: html`Sorry, that slot was just taken. Choose another time:`,
    requested: (v) => html`📨 Meeting request #${v.id} sent to <b>${v.exhibitor}</b> (${v.day}, ${v.time}). I will tell you when they answer; all meetings are in /schedule.`,
    toExhibitor: (v) =>
      lines([html`🤝 <b>Business meeting request #${v.id}</b>`, html`From: <b>${v.buyer}</b>`, html`📅 ${v.day}, ${v.time}`, where(v, 'Table', 'Booth'), v.note !== null && html`<blockquote>${v.note}</blockquote>`]),
    acceptButton: '✅ Accept',
    declineButton: '❌ Decline',
    proposeButton: '🕑 Propose another time',
    proposePickDay: (v) =>
      lines([html`🕑 <b>Propose another time</b> for meeting #${v.id} with <b>${v.buyer}</b>`, html`Asked for: ${v.day}, ${v.time}`, html`Choose a day:`]),
    proposeDayButton: (day, slots) => `${day} · ${plural(slots, 'free slot', 'free slots')}`,
    proposePickSlot: (v, day) =>
      lines([html`🕑 <b>Propose another time</b> for meeting #${v.id} with <b>${v.buyer}</b>`, html`Asked for: ${v.day}, ${v.time}`, html`${day} — choose a time (you, the buyer and a table are free):`]),
    proposeNoSlot: (v) => html`No other slot has you, <b>${v.buyer}</b> and a table all free. Accept or decline the time asked for (meeting #${v.id}).`,
    proposeTaken: html`Sorry, that slot was just taken. The slots still free:`,
    proposeTakenToast: 'That slot was just taken — choose another.',
    otherDayButton: '📅 Another day',
    backButton: '⬅️ Back',
    proposedToast: 'Proposal sent — waiting for the buyer.',
    proposedByYou: (v, requested) =>
      lines([
        html`🕑 <b>You proposed another time for meeting #${v.id}</b> with <b>${v.buyer}</b>`,
        html`📅 ${v.day}, ${v.time} (asked for ${requested})`,
        where(v, 'Table', 'Booth'),
        html`Waiting for the buyer; I will let you know. All meetings are in /schedule.`,
      ]),
    proposalForBuyer: (v, requested, exhibitor) =>
      lines([
        html`🕑 <b>${exhibitor}</b> proposes another time for business meeting #${v.id}`,
        html`📅 ${v.day}, ${v.time}`,
        where(v, 'Table', 'Booth'),
        html`<i>You asked for ${requested}, which does not suit them.</i>`,
        html`Does this time suit you?`,
      ]),
    confirmProposalButton: '✅ Confirm',
    rejectProposalButton: '❌ Decline',
    confirmProposalFromSchedule: (id) => `✅ Confirm the time of #${id}`,
    proposalConfirmedByYou: (v) => html`✅ You confirmed meeting #${v.id} with <b>${v.exhibitor}</b> on ${v.day}, ${v.time}. The confirmation and the calendar file follow.`,
    proposalDeclinedByYou: (v) => html`❌ You declined the time <b>${v.exhibitor}</b> proposed for meeting #${v.id} (${v.day}, ${v.time}). Try another time with /meet.`,
    proposalDeclinedForExhibitor: (v) => html`❌ <b>${v.buyer}</b> declined the time you proposed for meeting #${v.id} (${v.day}, ${v.time}). The slot is free again.`,
    proposalDeclinedToast: 'Declined — the exhibitor was told.',
    confirmed: (v, other) =>
      lines([html`✅ <b>Business meeting #${v.id} confirmed</b>`, html`📅 ${v.day}, ${v.time}`, where(v, 'Table', 'Booth'), html`👤 ${other}`, html`<i>Calendar file attached; a reminder comes 15 minutes before.</i>`]),
    icsCaption: (id) => html`📅 Business meeting #${id} — open it to add it to your calendar.`,
    acceptedToast: 'Accepted — both sides were told.',
    declinedToast: 'Declined.',
    declinedForExhibitor: (v) => html`❌ You declined meeting #${v.id} with ${v.buyer}. The slot is free again.`,
    declinedForBuyer: (v) => html`Sorry, <b>${v.exhibitor}</b> cannot meet on ${v.day}, ${v.time} (meeting #${v.id}). Try another time with /meet.`,
    reminder: (v, other) => lines([html`⏰ <b>In 15 minutes: business meeting #${v.id}</b>`, html`${v.time} · ${other}`, where(v, 'Table', 'Booth')]),
    cancelButton: (id) => `🚫 Cancel #${id}`,
    cancelledToast: 'Cancelled — the other side was told.',
    cancelledByYou: (v) => html`🚫 Meeting #${v.id} (${v.day}, ${v.time}) cancelled. The slot is free again.`,
    cancelledByOther: (v, other) => html`🚫 <b>${other}</b> cancelled meeting #${v.id} (${v.day}, ${v.time}).`,
    notParty: 'Only the people in this meeting can change it.',
    notFound: 'This meeting was not found.',
    alreadyAnswered: (status) =>
      status === 'PROPOSED' ? 'Another time was already proposed for this meeting; waiting for the buyer.' : `This meeting is already ${STATUS_EN[status].replace(/^\S+ /, '')}.`,
    scheduleTitle: html`📅 <b>Your business meetings</b>`,
    scheduleLine: (v, other) => lines([html`#${v.id} · ${v.day}, ${v.time} · ${STATUS_EN[v.status]}`, html`    ${other} · Table ${v.table}`]),
    scheduleNone: html`No business meetings yet. Ask an exhibitor to meet with /meet.`,
    planTitle: (day, count) => html`🗓 <b>Business matching plan ${day}</b> — ${count} meetings`,
    planTable: (table) => html`<b>Table ${table}</b>`,
    planLine: (v) => html`  ${v.time} · ${v.exhibitor} ↔ ${v.buyer} · ${STATUS_EN[v.status]}`,
    planNone: (day) => html`No business meetings on ${day} yet.`,
    planHint: html`<i>Officials: <code>/schedule 27/11</code> for another day.</i>`,
    outcomeQuestion: (v, other) => html`🤝 How did business meeting #${v.id} with <b>${other}</b> (${v.day}, ${v.time}) go?`,
    outcomeButtons: { NOT_INTERESTED: '🙅 Not interested', FOLLOW_UP: '🔁 Follow up', DEAL: '🤝 Deal' },
    outcomeSaved: 'Thank you, the outcome is recorded.',
    dealAskKind: (v) => html`🎉 A deal with <b>${v.buyer}</b> (meeting #${v.id})! Record it as a transaction report — its kind:`,
    dealKindButtons: { ORDER: '📝 Order / contract', LOI: '📜 MoU / LoI' },
    dealAskAmount: (buyer) => html`How much is it? Type the amount, for example <code>25 jt</code>. Buyer: <b>${buyer}</b>.`,
    dealBadAmount: html`The amount could not be read. Examples: <code>25 jt</code>, <code>1,5 M</code>, <code>750rb</code>.`,
    dealBuyerThanks: html`🎉 Congratulations! The exhibitor will record the transaction.`,
    figures: (m) => html`🤝 Business meetings: ${m.booked} booked, ${m.held} held, ${plural(m.deals, 'deal', 'deals')} (${m.dealAmount})`,
  },
});
