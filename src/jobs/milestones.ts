import type { Repositories } from '../db/repositories/index.js';
import { milestoneDedupeKey } from '../domain/digest-schedule.js';
import type { SaleReport } from '../domain/entities.js';
import { milestoneSteps, milestonesToClaim } from '../domain/milestones.js';
import { formatRupiahCompact } from '../domain/money.js';
import { catalogue, resolveLang } from '../i18n/index.js';
import type { Logger } from '../logger.js';
import { notifyEnqueued, type OutboxMessageInput } from '../db/outbox-enqueue.js';

export interface MilestoneWatcherOptions {
  repos: Pick<Repositories, 'missions' | 'subscriptions' | 'digests'>;
  logger: Logger;
  /** The bot's clock, for MilestoneAlert.createdAt. */
  now: () => Date;
}

/**
 * The listener of `events.saleRecorded`: after a report is committed, the
 * marks (25/50/75/100 %, then every further 100 %) it made the mission cross
 * are claimed one by one with the MilestoneAlert unique key, each in one
 * transaction; the highest one carries an alert to every subscribed chat. Two reports saved at
 * once read the same total; the key lets only one of them alert a mark.
 * Returns the marks this call claimed.
 */
export function createMilestoneWatcher(options: MilestoneWatcherOptions): (report: SaleReport) => Promise<number[]> {
  const { repos } = options;
  const log = options.logger.child({ job: 'milestones' });

  return async (report) => {
    const mission = await repos.missions.findById(report.missionId);
    if (!mission || mission.targetAmount <= 0n) return [];
    const [totalAfter, highestClaimed] = await Promise.all([repos.digests.missionTotal(mission.id), repos.digests.highestMilestone(mission.id)]);
    const marks = milestonesToClaim({ totalAfter, amount: report.amount, target: mission.targetAmount, highestClaimed });
    if (marks.length === 0) return [];

    const subscriptions = await repos.subscriptions.served({ missionId: mission.id });
    const claimed: number[] = [];
    for (const { percent, announce } of milestoneSteps(marks)) {
      const messages: OutboxMessageInput[] = (announce ? subscriptions : []).map((sub) => {
        const lang = resolveLang(sub.language, sub.languageCode);
        return {
          chatId: sub.chatId,
          purpose: 'milestone',
          method: 'sendMessage',
          payload: {
            text: catalogue(lang).digest.milestone({
              mission: mission.name,
              percent,
              total: formatRupiahCompact(totalAfter, lang),
              target: formatRupiahCompact(mission.targetAmount, lang),
            }).value,
            parse_mode: 'HTML',
          },
          dedupeKey: milestoneDedupeKey(mission.id, percent, sub.chatId),
        };
      });
      if (await repos.digests.claimMilestone({ missionId: mission.id, percent, createdAt: options.now() }, messages)) {
        claimed.push(percent);
        log.info({ missionId: mission.id, percent, chats: messages.length, reportId: report.id }, 'milestone reached');
      }
    }
    if (claimed.length > 0) notifyEnqueued();
    return claimed;
  };
}
