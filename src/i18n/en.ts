import { html, lines, raw } from './html.js';
import type { Catalogue } from './id.js';

/** English, the second language: the same keys as id.ts, enforced by the Catalogue type. */
export const en: Catalogue = {
  language: { name: 'English', flag: '🇬🇧' },

  common: {
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

  money: {
    errors: {
      empty: 'The amount is missing.',
      not_a_number: 'The amount is not a number I can read.',
      negative: 'The amount cannot be negative.',
      zero: 'The amount must be more than zero.',
      ambiguous: 'The dots and commas in the number are ambiguous.',
      too_large: 'The amount is too large for one transaction.',
      fraction: 'Rupiah has no cents — use a whole number.',
    },
    examples: html`Examples: <code>1500000</code>, <code>1.500.000</code>, <code>1,5 jt</code>, <code>750rb</code>, <code>2 M</code>.`,
  },

  categories: {
    makanan: 'Food',
    minuman: 'Drinks',
    fashion: 'Fashion',
    tembakau: 'Tobacco',
    kerajinan: 'Crafts',
    lainnya: 'Other',
  },

  commands: {
    start: 'Start',
    bantuan: 'List of commands',
    bahasa: 'Change language',
    progres: 'Mission transaction progress',
    daftar: 'Register your business as an exhibitor',
    lapor: 'Report a sale',
    misi: 'Create a trade mission (officials)',
  },

  start: {
    welcome: (name, mission) =>
      lines([
        html`Hello, <b>${name}</b>! 👋`,
        html`I am the <b>Trade Mission</b> bot: exhibitors record their sales, buyers browse the catalog, officials follow the progress.`,
        mission ? html`Current mission: <b>${mission}</b>.` : html`No mission is running yet.`,
        '',
        html`Type /help to see what you can do.`,
      ]),
    inviteNotReady: html`I cannot process this invite code yet. Ask the officials for a new invite link, or register directly with /register.`,
  },

  help: {
    title: html`<b>Commands you can use</b>`,
    line: (command, alias, description) =>
      alias === command ? html`/${alias} — ${description}` : html`/${alias} (/${command}) — ${description}`,
    saleTip: html`Tip: report a sale in one message, for example <code>/sale 1,5jt keripik tempe 30 pcs</code>.`,
    roleOfficial: html`You are registered as an <b>official</b>.`,
    roleExhibitor: (business) => html`You are registered as an exhibitor: <b>${business}</b>.`,
  },

  languagePick: {
    ask: html`Pilih bahasa / Choose your language:`,
    changed: html`OK, I will use English.`,
  },

  province: {
    notFound: (text) => html`I do not know the province "${text}". Try again, e.g. <i>Jawa Timur</i> or <i>Jatim</i>.`,
    choose: html`Which one do you mean?`,
  },

  mission: {
    intro: html`🗂 <b>New trade mission</b>\nI will ask 8 questions. Type /cancel at any time to stop.`,
    askName: html`1/8 · <b>Mission name?</b>\nExample: <i>Misi Dagang Jawa Timur – Banten</i>`,
    askOrigin: html`2/8 · <b>Origin province</b> (the visiting one)? Type its name, or part of it, e.g. <i>Jatim</i>.`,
    askHost: html`3/8 · <b>Host province</b>?`,
    askCity: html`4/8 · <b>City</b> of the exhibition?`,
    askStart: html`5/8 · <b>Start date</b>? Examples: <i>26-11-2026</i>, <i>26 Nov</i>, <i>tomorrow</i>.`,
    askEnd: html`6/8 · <b>End date</b>?`,
    askTimeZone: (suggested) => html`7/8 · <b>Time zone</b> of the mission? For this host it is usually <b>${suggested}</b>.`,
    askTarget: html`8/8 · <b>Transaction target</b>? Example: <i>3 M</i> or <i>Rp3.000.000.000</i>.`,
    sameProvince: html`The host province must differ from the origin province.`,
    badDate: html`I cannot read that date. Examples: <i>26-11-2026</i>, <i>26/11</i>, <i>26 November 2026</i>.`,
    endBeforeStart: (start) => html`The end date cannot be before the start date (${start}).`,
    tooLongMission: html`A mission lasts at most 60 days. Please check the dates.`,
    badTimeZone: html`Choose WIB, WITA or WIT with the buttons above.`,
    badTarget: (reason) => html`${reason} Examples: <i>3 M</i>, <i>500 jt</i>.`,
    summary: (m) =>
      lines([
        html`🗂 <b>Check the mission</b>`,
        html`Name: <b>${m.name}</b>`,
        html`From: ${m.origin} → ${m.host}`,
        html`City: ${m.city}`,
        html`Dates: ${m.dates} (${m.timeZone})`,
        html`Target: <b>${m.target}</b>`,
        '',
        html`Save it and make it the active mission?`,
      ]),
    created: (name) =>
      html`✅ Mission <b>${name}</b> is saved and active. Exhibitors can register with /register and report with /sale.`,
  },

  register: {
    intro: (mission) => html`🏪 <b>Exhibitor registration — ${mission}</b>\n6 short questions. Type /cancel to stop.`,
    closed: html`Registration for this mission is closed. Ask the officials for an invite link.`,
    already: (name) => html`You are already registered as <b>${name}</b>. Report sales with /sale.`,
    askName: html`1/6 · <b>Business name</b>?`,
    askCategory: html`2/6 · Main product <b>category</b>?`,
    askProvince: html`3/6 · <b>Province</b> the business comes from? Type its name.`,
    askCity: html`4/6 · <b>City/regency</b>?`,
    askContact: html`5/6 · <b>Mobile/WhatsApp number</b>? Tap "Share contact" or type the number. It is only given to buyers you accept.`,
    shareContactButton: '📱 Share contact',
    askBooth: html`6/6 · <b>Booth number</b>? (you may skip)`,
    boothHint: html`Type the booth number, or tap <b>Skip</b> if you do not know it yet.`,
    badCategory: html`Please choose a category with the buttons above.`,
    badPhone: html`That phone number is not valid. Examples: <i>0812 3456 7890</i> or <i>+62 812 3456 7890</i>.`,
    notOwnContact: html`Please share your own contact — or type the number.`,
    summary: (v) =>
      lines([
        html`🏪 <b>Check your business</b>`,
        html`Name: <b>${v.name}</b>`,
        html`Category: ${v.category}`,
        html`From: ${v.city}, ${v.province}`,
        html`Phone: ${v.phone}`,
        html`Booth: ${v.booth ?? '—'}`,
      ]),
    done: (name) =>
      lines([
        html`✅ <b>${name}</b> is registered. Enjoy the exhibition!`,
        html`Report each sale in one message, for example:`,
        html`<code>/sale 1,5jt keripik tempe 30 pcs</code>`,
      ]),
  },

  sale: {
    usage: lines([
      html`🧾 <b>Report a sale in one message</b>`,
      html`<code>/sale 1,5jt keripik tempe 30 pcs</code>`,
      html`<code>/sale 750rb kopi 10 bungkus @Toko Makmur</code>`,
      html`<code>/sale 2 M kontrak furnitur</code> (order/contract)`,
      html`<code>/sale 500 jt mou</code> (LoI/MoU) · <code>/sale 1 M investasi</code>`,
    ]),
    parseError: (reason) => html`Sorry, I could not read that report: ${reason}`,
    errors: {
      missing_amount: 'the amount is not at the start of the message.',
      quantity_invalid: 'the quantity does not make sense.',
      product_too_long: 'the product name is too long (at most 120 characters).',
      buyer_too_long: 'the buyer name is too long (at most 120 characters).',
      kind_conflict: 'two kinds at once (e.g. "kontrak" and "mou") — pick one.',
      direction_conflict: '"jual" and "beli" at once — pick one.',
      buyer_conflict: 'the buyer is given twice — once is enough.',
    },
    confirm: (s) =>
      lines([
        html`🧾 <b>Check the report</b>`,
        html`Amount: <b>${s.amount}</b>`,
        html`Kind: ${s.kind}`,
        html`Direction: ${s.direction}`,
        s.product && html`Product: ${s.product}`,
        s.quantity && html`Quantity: ${s.quantity}`,
        s.buyer && html`Buyer: ${s.buyer}`,
        '',
        html`All correct? Tap <b>Save</b>.`,
      ]),
    saved: (s, reportId, total, percent) =>
      lines([
        html`✅ <b>Saved</b> (report #${reportId}): ${s.amount}${s.product ? raw(' — ') : ''}${s.product ?? ''}${s.quantity ? raw(', ') : ''}${s.quantity ?? ''}.`,
        html`The mission total is now <b>${total}</b> (${percent} of the target). Thank you!`,
      ]),
    alreadySaved: 'This report is already saved.',
    savedToast: 'Saved ✅',
    expired: 'This confirmation has expired. Please send /sale again.',
    cancelled: html`Report cancelled, nothing was saved.`,
    kinds: { RETAIL: 'Retail (paid on the spot)', ORDER: 'Order/contract', LOI: 'LoI/MoU', INVESTMENT: 'Investment' },
    directions: { SELL: 'Sell', BUY: 'Buy' },
  },

  progress: {
    message: (p) =>
      lines([
        html`📊 <b>Progress of ${p.mission}</b>`,
        html`${p.place} · ${p.dates}`,
        '',
        html`Total: <b>${p.total}</b> of the ${p.target} target`,
        html`<code>${p.bar}</code> ${p.percent}`,
        html`Today: ${p.today} (${p.todayCount} transactions)`,
        '',
        html`💵 Realised (retail): ${p.realised}`,
        html`📝 Committed (orders + LoI): ${p.committed}`,
        html`🏗 Investment: ${p.investment}`,
        html`↔️ Sell ${p.sell} · Buy ${p.buy}`,
        html`✔️ Verified: ${p.verified}`,
        '',
        html`${p.reportCount} reports from ${p.exhibitorCount} exhibitors`,
        p.phase === 'before'
          ? html`⏳ The mission starts in ${p.startsIn} days.`
          : p.phase === 'after'
            ? html`🏁 The mission has ended.`
            : p.reached
              ? html`🎉 Target reached! ${p.daysLeft} days left.`
              : html`⏳ ${p.daysLeft} days left · ${p.neededPerDay}/day needed to reach the target`,
        p.projected && p.phase === 'during' && html`📈 Projected final figure at the current rate: ${p.projected}`,
      ]),
  },
};
