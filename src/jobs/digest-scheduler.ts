import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { describeError } from '../telegram/errors.js';
import type { Repositories } from '../db/repositories/index.js';
import { digestDedupeKey, digestDue } from '../domain/digest-schedule.js';
import type { Lang, Mission } from '../domain/entities.js';
import { catalogue, resolveLang } from '../i18n/index.js';
import { boardLink } from '../views/board-link.js';
import type { Logger } from '../logger.js';
import { composeDigest, digestMessages, type DigestContent } from './digest-content.js';
import { scheduleTicks } from './minute-schedule.js';
import { notifyEnqueued } from '../db/outbox-enqueue.js';

/** One chat-day the tick claimed and queued. */
export interface ClaimedDigest {
  missionId: number;
  chatId: bigint;
  localDate: string;
}

export interface DigestScheduler {
  readonly id: string;
  /**
   * Catches up at once (a chat whose time passed earlier today while the
   * process was down gets today's digest now), then ticks every minute.
   * Resolves after the catch-up tick.
   */
  start(): Promise<void>;
  /** Stops the cron and waits for a tick in progress. */
  stop(): Promise<void>;
  /**
   * One look at every subscription at `now`: claims and queues the digests
   * that are due and not yet claimed. The cron calls it with the bot's
   * clock; tests call it directly with theirs.
   */
  tick(now: Date): Promise<ClaimedDigest[]>;
}

export interface DigestSchedulerOptions {
  repos: Pick<Repositories, 'subscriptions' | 'digests' | 'sales' | 'followUps' | 'board' | 'matching'>;
  /** PUBLIC_URL: with it, the digest carries the live board's "📺 Papan" button. */
  publicUrl?: string;
  logger: Logger;
  /** The bot's clock (deps.now), which tests control. */
  now: () => Date;
  /** Names this process in DigestRun.claimedBy. */
  id?: string;
  /** When the cron ticks; every minute (tests may tick every second). */
  cronExpression?: string;
}

/**
 * The daily digest, exactly once per chat per local day. Every minute each
 * active subscription whose local time has come today (in its mission's
 * zone) and that has no DigestRun for (mission, chat, local date) is claimed
 * by inserting that row, in the same transaction as its outbox messages; the
 * unique key decides between two ticks or two processes, the loser skips.
 * Checking "has come" rather than "is now" makes a restart in the same
 * minute harmless (the row exists) and catches up a time missed while down;
 * yesterday is never sent, because the date is always today's.
 */
export function createDigestScheduler(options: DigestSchedulerOptions): DigestScheduler {
  const { repos } = options;
  const log = options.logger.child({ job: 'digest' });
  const id = options.id ?? `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  const inFlight = new Set<Promise<unknown>>();

  async function tick(now: Date): Promise<ClaimedDigest[]> {
    const claimed: ClaimedDigest[] = [];
    const subscriptions = await repos.subscriptions.served();
    // One digest per mission and language per tick, shared by every chat that gets it.
    const contents = new Map<string, Promise<DigestContent>>();
    const contentFor = (mission: Mission, lang: Lang) => {
      const key = `${mission.id}:${lang}`;
      let content = contents.get(key);
      if (!content) {
        content = composeDigest(repos, mission, now, lang, log);
        contents.set(key, content);
      }
      return content;
    };

    for (const sub of subscriptions) {
      const { mission } = sub;
      const due = digestDue({ timeZone: mission.timeZone, startDate: mission.startDate, endDate: mission.endDate, localTime: sub.localTime }, now);
      if (!due.due) continue;
      try {
        // Cheap check first, so a claimed chat-day costs no chart; the claim below is what decides.
        if (await repos.digests.runExists(mission.id, sub.chatId, due.localDate)) continue;
        const content = await contentFor(mission, resolveLang(sub.language, sub.languageCode));
        const lang = resolveLang(sub.language, sub.languageCode);
        const boardUrl = await boardLink(repos, mission, options.publicUrl);
        const button = boardUrl ? { text: catalogue(lang).board.openButton, url: boardUrl } : undefined;
        const messages = digestMessages(content, sub.chatId, 'digest', digestDedupeKey(mission.id, sub.chatId, due.localDate), button);
        const won = await repos.digests.claimRun(
          { missionId: mission.id, chatId: sub.chatId, localDate: due.localDate, claimedBy: id, claimedAt: now },
          messages,
        );
        if (won) {
          claimed.push({ missionId: mission.id, chatId: sub.chatId, localDate: due.localDate });
          log.info({ missionId: mission.id, chatId: sub.chatId.toString(), localDate: due.localDate }, 'daily digest queued');
        }
      } catch (error) {
        log.error({ err: describeError(error), missionId: mission.id, chatId: sub.chatId.toString() }, 'daily digest failed');
      }
    }
    if (claimed.length > 0) notifyEnqueued();
    return claimed;
  }

  function tracked(now: Date): Promise<ClaimedDigest[]> {
    const run = tick(now);
    inFlight.add(run);
    void run.finally(() => inFlight.delete(run)).catch(() => undefined);
    return run;
  }

  const schedule = scheduleTicks({ name: `digest-${id}`, log, tick: () => tracked(options.now()), cronExpression: options.cronExpression });

  return {
    id,
    tick: tracked,
    start: () => schedule.start(),
    async stop() {
      await schedule.stop();
      // Ticks a caller started directly (tests) finish too.
      await Promise.allSettled([...inFlight]);
    },
  };
}
