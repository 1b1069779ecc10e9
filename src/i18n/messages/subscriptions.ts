import { bilingual } from '../bilingual.js';
import { html } from '../html.js';

/** /langganan and /berhenti: a group chat's daily digest. */
export const subscription = bilingual({
  id: {
    groupOnly: html`Langganan ringkasan harian dipasang di grup: tambahkan saya ke grup petugas, lalu ketik /langganan di sana (boleh dengan jam, misalnya <code>/langganan 20:00</code>). Untuk ringkasan sekarang di sini, ketik /ringkasan.`,
    badTime: (typed: string) =>
      html`Jam "${typed}" tidak terbaca. Tulis jam lokal misi, misalnya <code>/langganan 20:00</code>, <code>/langganan 20.30</code> atau <code>/langganan 8 malam</code>.`,
    subscribed: (mission: string, time: string, zone: string) =>
      html`✅ Grup ini berlangganan ringkasan harian <b>${mission}</b> setiap pukul <b>${time} ${zone}</b>, selama misi berlangsung. Berhenti dengan /berhenti.`,
    timeChanged: (mission: string, from: string, to: string, zone: string) =>
      html`✅ Jam ringkasan harian <b>${mission}</b> untuk grup ini diubah dari ${from} ke <b>${to} ${zone}</b>.`,
    unchanged: (mission: string, time: string, zone: string) =>
      html`Grup ini sudah berlangganan ringkasan <b>${mission}</b> pukul <b>${time} ${zone}</b>. Tidak ada yang diubah.`,
    todaySoon: html`Jam itu sudah lewat hari ini, jadi ringkasan hari ini menyusul dalam satu menit.`,
    unsubscribed: (mission: string) => html`🔕 Grup ini berhenti menerima ringkasan harian <b>${mission}</b>. Pasang lagi kapan saja dengan /langganan.`,
    notSubscribed: html`Grup ini tidak sedang berlangganan ringkasan harian misi aktif.`,
  },
  en: {
    groupOnly: html`Daily digest subscriptions are set up in a group: add me to the officials' group and type /subscribe there (optionally with a time, e.g. <code>/subscribe 20:00</code>). For the digest here and now, type /digest.`,
    badTime: (typed) =>
      html`I cannot read the time "${typed}". Write the mission's local time, e.g. <code>/subscribe 20:00</code>, <code>/subscribe 20.30</code> or <code>/subscribe 8pm</code>.`,
    subscribed: (mission, time, zone) =>
      html`✅ This group now gets the daily digest of <b>${mission}</b> at <b>${time} ${zone}</b> every day of the mission. Stop it with /unsubscribe.`,
    timeChanged: (mission, from, to, zone) => html`✅ The daily digest of <b>${mission}</b> for this group moved from ${from} to <b>${to} ${zone}</b>.`,
    unchanged: (mission, time, zone) => html`This group already gets the digest of <b>${mission}</b> at <b>${time} ${zone}</b>. Nothing changed.`,
    todaySoon: html`That time has passed today, so today's digest follows within a minute.`,
    unsubscribed: (mission) => html`🔕 This group no longer gets the daily digest of <b>${mission}</b>. Turn it on again any time with /subscribe.`,
    notSubscribed: html`This group is not subscribed to the active mission's daily digest.`,
  },
});
