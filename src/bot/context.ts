import type { Context, Scenes } from 'telegraf';
import type { Lang, Mission, SaleReport, User } from '../domain/entities.js';
import type { Catalogue } from '../i18n/index.js';
import type { Logger } from '../logger.js';
import type { Repositories } from '../db/repositories/index.js';
import type { CallGuardOptions } from '../telegram/calls.js';
import type { ExportLimits } from '../export/run-export.js';

/**
 * What happened, for the parts that react to it (milestone alerts, say)
 * without the handler knowing them. Called after the change is committed;
 * a failing listener is logged, never undoes the change.
 */
export interface BotEvents {
  saleRecorded(report: SaleReport): Promise<void>;
  /** A handler failed and the user got the error reply (bot.catch), for the metrics. */
  updateFailed?(updateId: number): void;
}

/** What the bot is built from: the composition root hands it in, tests hand in their own. */
export interface BotDeps {
  repos: Repositories;
  logger: Logger;
  /** Officials of every mission from the start (ADMIN_TELEGRAM_IDS). */
  adminIds: readonly bigint[];
  /** The zone a new mission suggests before the host province is known. */
  defaultTimeZone: string;
  /** The clock; tests control it. */
  now: () => Date;
  events: BotEvents;
  /** PUBLIC_URL: where people reach the bot's HTTP server (the board's links); unset, the board gets no URL buttons. */
  publicUrl?: string;
  /** Deadline and retries of the Bot API calls handlers make; the stop signal cuts them short at shutdown. */
  calls?: CallGuardOptions;
  /** How /ekspor sizes its files (tests set a small file limit to see the split). */
  exportLimits?: Partial<ExportLimits>;
}

/** A sale typed in one line and shown back for one confirming tap. Amounts are strings: JSON has no BigInt. */
export interface SaleDraftState {
  sourceUpdateId: number;
  missionId: number;
  exhibitorId: number;
  amount: string;
  kind: 'RETAIL' | 'ORDER' | 'LOI' | 'INVESTMENT';
  direction: 'SELL' | 'BUY';
  productText: string | null;
  quantity: number | null;
  unit: string | null;
  buyerName: string | null;
  /** The exhibitor's listing the report is linked to (matched in the one-liner or picked in the wizard). */
  productId?: number | null;
  /** That listing's name, shown on the confirmation card. */
  productName?: string | null;
  buyerOrigin?: string | null;
  /**
   * Two readings of the typed amount (`1,053 jt`), Indonesian first: the
   * user picks one with a button before the confirmation card is shown.
   */
  amountChoices?: string[];
  /** The user has confirmed an amount far outside what the mission has seen (amount-check.ts). */
  unusualConfirmed?: boolean;
  /** The business meeting whose deal this report is (features/matching.ts); the meeting remembers the saved report. */
  meetingId?: number;
}

export interface BotSession extends Scenes.WizardSession<Scenes.WizardSessionData> {
  saleDraft?: SaleDraftState;
  /** An announcement shown back to its official for one confirming tap (/pengumuman). */
  announceDraft?: { updateId: number; missionId: number; text: string };
  /** The booth whose QR this visitor scanned last: a contact shared next goes to it, and only then (features/leads.ts). */
  leadBooth?: number;
}

/** The context every handler sees: the update, plus the user, language, catalogue and logger resolved once. */
export interface BotContext extends Context {
  session: BotSession;
  scene: Scenes.SceneContextScene<BotContext, Scenes.WizardSessionData>;
  wizard: Scenes.WizardContextWizard<BotContext>;
  deps: BotDeps;
  user: User;
  lang: Lang;
  t: Catalogue;
  log: Logger;
  /** The active mission, looked up lazily and once per update. */
  activeMission(): Promise<Mission | undefined>;
}
