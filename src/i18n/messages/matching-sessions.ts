import type { MisfitReason } from '../../domain/matching-sessions.js';
import { bilingual } from '../bilingual.js';
import { html, lines } from '../html.js';
import { plural } from '../plural.js';
import type { MeetingView, SessionView } from './matching.js';

/** A booked meeting an edit would cancel, as the official's preview lists it. */
export interface MisfitView {
  meeting: MeetingView;
  reason: MisfitReason;
}

/** Why an edit or deletion cancelled someone's meeting. */
export type CancelCause = 'edit' | 'delete';

const REASON_ID: Record<MisfitReason, string> = {
  day: 'harinya dihapus',
  hours: 'di luar jam baru',
  grid: 'tidak pas dengan slot baru',
  table: 'mejanya dihapus',
};
const REASON_EN: Record<MisfitReason, string> = {
  day: 'its day is removed',
  hours: 'outside the new hours',
  grid: 'off the new slot grid',
  table: 'its table is removed',
};

const shape = (v: SessionView, minutes: string, tables: string) => html`${v.days} · ${v.hours} · ${v.slotMinutes} ${minutes} · ${v.tableCount} ${tables}`;

/** Officials editing and deleting matching sessions (`/misi temu`), and marking attendance in the day's plan. */
export const matchingAdmin = bilingual({
  id: {
    listTitle: html`🤝 <b>Sesi temu bisnis</b> — ubah atau hapus dengan tombol di bawah:`,
    listLine: (id: number, v: SessionView) => html`<b>#${id}</b> · ${shape(v, 'menit', 'meja')}`,
    editButton: (id: number) => `✏️ Ubah #${id}`,
    deleteButton: (id: number) => `🗑 Hapus #${id}`,
    askSpec: (id: number, v: SessionView) =>
      lines([
        html`✏️ <b>Ubah sesi #${id}</b> (sekarang: ${shape(v, 'menit', 'meja')})`,
        html`Ketik bentuk barunya: <code>&lt;hari&gt; &lt;jam mulai-selesai&gt; &lt;menit per slot&gt; &lt;jumlah meja&gt;</code>`,
        html`Contoh: <code>26/11-27/11 09:00-12:00 20 10</code>. Temu yang sudah dipesan dan tidak muat lagi akan saya tunjukkan dulu sebelum disimpan.`,
      ]),
    unchanged: html`Bentuknya sama dengan sekarang — tidak ada yang diubah.`,
    gone: 'Sesi ini sudah tidak ada.',
    previewEdit: (id: number, before: SessionView, after: SessionView, misfits: readonly MisfitView[], total: number) =>
      lines([
        html`✏️ <b>Ubah sesi #${id}</b>`,
        html`Sebelum: ${shape(before, 'menit', 'meja')}`,
        html`Sesudah: ${shape(after, 'menit', 'meja')}`,
        '',
        total === 0
          ? html`Tidak ada temu yang dipesan yang terdampak.`
          : lines([
              html`⚠️ <b>${total} temu akan dibatalkan</b> (kedua pihak diberi tahu):`,
              ...misfits.map((m) => html`• #${m.meeting.id} ${m.meeting.day}, ${m.meeting.time} · Meja ${m.meeting.table} · ${m.meeting.exhibitor} ↔ ${m.meeting.buyer} — ${REASON_ID[m.reason]}`),
              total > misfits.length && html`… dan ${total - misfits.length} lagi`,
            ]),
        '',
        html`Simpan perubahan ini?`,
      ]),
    previewDelete: (id: number, v: SessionView, meetings: readonly MeetingView[], total: number) =>
      lines([
        html`🗑 <b>Hapus sesi #${id}</b>: ${shape(v, 'menit', 'meja')}`,
        '',
        total === 0
          ? html`Tidak ada temu yang dipesan di sesi ini.`
          : lines([
              html`⚠️ <b>${total} temu akan dibatalkan</b> (kedua pihak diberi tahu):`,
              ...meetings.map((m) => html`• #${m.id} ${m.day}, ${m.time} · Meja ${m.table} · ${m.exhibitor} ↔ ${m.buyer}`),
              total > meetings.length && html`… dan ${total - meetings.length} lagi`,
            ]),
        '',
        html`Hapus sesi ini?`,
      ]),
    confirmEditButton: '✅ Ya, simpan',
    confirmDeleteButton: '🗑 Ya, hapus',
    backButton: '⬅️ Kembali',
    nothingChanged: html`Tidak ada yang diubah.`,
    movedMeanwhile: html`ℹ️ Sementara itu ada temu yang dipesan atau dibatalkan — ini pratinjau terbarunya:`,
    edited: (id: number, v: SessionView, cancelled: number, people: number) =>
      lines([
        html`✅ <b>Sesi #${id} diubah</b>: ${shape(v, 'menit', 'meja')}`,
        cancelled === 0 ? html`Tidak ada temu yang dibatalkan.` : html`🚫 ${cancelled} temu dibatalkan; ${people} orang (pembeli dan peserta) diberi tahu.`,
      ]),
    deleted: (id: number, cancelled: number, people: number) =>
      lines([
        html`🗑 <b>Sesi #${id} dihapus.</b>`,
        cancelled === 0 ? html`Tidak ada temu yang dibatalkan.` : html`🚫 ${cancelled} temu dibatalkan; ${people} orang (pembeli dan peserta) diberi tahu.`,
      ]),
    cancelledBySession: (v: MeetingView, other: string, cause: CancelCause) =>
      lines([
        html`🚫 <b>Temu bisnis #${v.id} dibatalkan</b>`,
        html`📅 ${v.day}, ${v.time} · 👤 ${other}`,
        cause === 'edit' ? html`Alasan: jam sesi temu bisnis diubah oleh petugas misi.` : html`Alasan: sesi temu bisnis dihapus oleh petugas misi.`,
        html`Mohon maaf. Pilih jam lain dengan /temu.`,
      ]),
    markHeldButton: (id: number, current: boolean) => `${current ? '● ' : ''}✅ #${id} hadir`,
    markNoShowButton: (id: number, current: boolean) => `${current ? '● ' : ''}🚫 #${id} tidak hadir`,
    markHint: html`<i>Tandai temu yang slotnya sudah mulai: ✅ hadir atau 🚫 tidak hadir (bisa dikoreksi).</i>`,
    markedHeld: 'Dicatat: temu berlangsung.',
    markedNoShow: 'Dicatat: tidak hadir.',
    markSame: 'Sudah tercatat begitu.',
    markNotAllowed: 'Temu ini tidak bisa ditandai (belum disetujui atau slotnya belum mulai).',
  },
  en: {
    listTitle: html`🤝 <b>Business matching sessions</b> — edit or delete with the buttons below:`,
    listLine: (id, v) => html`<b>#${id}</b> · ${shape(v, 'min', 'tables')}`,
    editButton: (id) => `✏️ Edit #${id}`,
    deleteButton: (id) => `🗑 Delete #${id}`,
    askSpec: (id, v) =>
      lines([
        html`✏️ <b>Edit session #${id}</b> (now: ${shape(v, 'min', 'tables')})`,
        html`Type its new shape: <code>&lt;days&gt; &lt;start-end&gt; &lt;minutes per slot&gt; &lt;tables&gt;</code>`,
        html`Example: <code>26/11-27/11 09:00-12:00 20 10</code>. Booked meetings that no longer fit are shown to you before anything is saved.`,
      ]),
    unchanged: html`That is the session as it is — nothing changed.`,
    gone: 'This session no longer exists.',
    previewEdit: (id, before, after, misfits, total) =>
      lines([
        html`✏️ <b>Edit session #${id}</b>`,
        html`Before: ${shape(before, 'min', 'tables')}`,
        html`After: ${shape(after, 'min', 'tables')}`,
        '',
        total === 0
          ? html`No booked meeting is affected.`
          : lines([
              html`⚠️ <b>${plural(total, 'meeting', 'meetings')} would be cancelled</b> (both sides are told):`,
              ...misfits.map((m) => html`• #${m.meeting.id} ${m.meeting.day}, ${m.meeting.time} · Table ${m.meeting.table} · ${m.meeting.exhibitor} ↔ ${m.meeting.buyer} — ${REASON_EN[m.reason]}`),
              total > misfits.length && html`… and ${total - misfits.length} more`,
            ]),
        '',
        html`Save this change?`,
      ]),
    previewDelete: (id, v, meetings, total) =>
      lines([
        html`🗑 <b>Delete session #${id}</b>: ${shape(v, 'min', 'tables')}`,
        '',
        total === 0
          ? html`No meeting is booked in this session.`
          : lines([
              html`⚠️ <b>${plural(total, 'meeting', 'meetings')} would be cancelled</b> (both sides are told):`,
              ...meetings.map((m) => html`• #${m.id} ${m.day}, ${m.time} · Table ${m.table} · ${m.exhibitor} ↔ ${m.buyer}`),
              total > meetings.length && html`… and ${total - meetings.length} more`,
            ]),
        '',
        html`Delete this session?`,
      ]),
    confirmEditButton: '✅ Yes, save',
    confirmDeleteButton: '🗑 Yes, delete',
    backButton: '⬅️ Back',
    nothingChanged: html`Nothing changed.`,
    movedMeanwhile: html`ℹ️ Meanwhile meetings were booked or cancelled — here is the preview as it is now:`,
    edited: (id, v, cancelled, people) =>
      lines([
        html`✅ <b>Session #${id} changed</b>: ${shape(v, 'min', 'tables')}`,
        cancelled === 0 ? html`No meeting was cancelled.` : html`🚫 ${plural(cancelled, 'meeting', 'meetings')} cancelled; ${plural(people, 'person', 'people')} (buyers and exhibitors) were told.`,
      ]),
    deleted: (id, cancelled, people) =>
      lines([
        html`🗑 <b>Session #${id} deleted.</b>`,
        cancelled === 0 ? html`No meeting was cancelled.` : html`🚫 ${plural(cancelled, 'meeting', 'meetings')} cancelled; ${plural(people, 'person', 'people')} (buyers and exhibitors) were told.`,
      ]),
    cancelledBySession: (v, other, cause) =>
      lines([
        html`🚫 <b>Business meeting #${v.id} cancelled</b>`,
        html`📅 ${v.day}, ${v.time} · 👤 ${other}`,
        cause === 'edit' ? html`Reason: the business matching session hours changed (by the mission officials).` : html`Reason: the business matching session was deleted by the mission officials.`,
        html`We are sorry. Choose another time with /meet.`,
      ]),
    markHeldButton: (id, current) => `${current ? '● ' : ''}✅ #${id} held`,
    markNoShowButton: (id, current) => `${current ? '● ' : ''}🚫 #${id} no-show`,
    markHint: html`<i>Mark meetings whose slot has started: ✅ held or 🚫 no-show (can be corrected).</i>`,
    markedHeld: 'Recorded: the meeting was held.',
    markedNoShow: 'Recorded: no-show.',
    markSame: 'Already recorded that way.',
    markNotAllowed: 'This meeting cannot be marked (not accepted, or its slot has not started).',
  },
});
