import { catalogueFor } from '../views/admin-presenters.js';
import { CB } from '../views/callback-data.js';
import { describeError } from '../telegram/errors.js';
import type { Repositories } from '../db/repositories/index.js';
import { reminderDay, remindersDue } from '../domain/reminders.js';
import type { Logger } from '../logger.js';
import { followUpTick } from './follow-ups.js';
import { scheduleTicks } from './minute-schedule.js';
import { notifyEnqueued } from '../db/outbox-enqueue.js';

/** What the reminder and follow-up ticks need: the repositories and a logger. */
export interface PushJobDeps {
  repos: Repositories;
  logger: Logger;
}

/**
 * One look at every active mission with a reminder hour at `now`: each
 * exhibitor who has not reported today (the mission's local day), has not
 * turned reminders off and can be reached gets one private reminder with a
 * "stop" button, queued with the key reminder:<mission>:<user>:<date> so it
 * is once per day across restarts and processes. Returns how many were queued.
 */
export async function reminderTick(deps: PushJobDeps, now: Date): Promise<number> {
  let queued = 0;
  for (const mission of await deps.repos.pushes.missionsWithReminders()) {
    const day = reminderDay(mission, now);
    if (day === undefined) continue;
    // Keys already queued today: skipped here instead of failing an insert every minute until midnight.
    const used = await deps.repos.pushes.usedKeys(`reminder:${mission.id}:`, `:${day}`);
    const candidates = await deps.repos.pushes.reminderCandidates(mission.id, day);
    const byUser = new Map(candidates.map((candidate) => [candidate.userId, candidate]));
    for (const reminder of remindersDue(mission, candidates, now)) {
      const candidate = byUser.get(reminder.userId);
      if (!candidate || used.has(reminder.dedupeKey)) continue;
      const t = catalogueFor(candidate.user);
      const added = await deps.repos.pushes.enqueue({
        chatId: reminder.userId,
        purpose: 'reminder',
        method: 'sendMessage',
        payload: {
          text: t.reminders.reminder(candidate.user.firstName, candidate.exhibitorName, mission.name).value,
          parse_mode: 'HTML',
          reply_markup: { inline_keyboard: [[{ text: t.reminders.stopButton, callback_data: CB.remindersOff }]] },
        },
        dedupeKey: reminder.dedupeKey,
      });
      if (added) queued++;
    }
  }
  if (queued > 0) {
    notifyEnqueued();
    deps.logger.info({ queued }, 'reminders queued');
  }
  return queued;
}

export interface PushJobs {
  /** Ticks every minute from now on; the first tick runs at once (a reminder hour missed while down is caught up). */
  start(): void;
  /** Stops the cron and waits for a tick in progress; before the database closes. */
  stop(): Promise<void>;
}

/**
 * The minute schedule of the pushes to exhibitors: reminders and follow-ups.
 * Each tick is idempotent (dedupe keys, conditional updates), so overlapping
 * processes or a restart within the minute send nothing twice.
 */
export function createPushJobs(deps: PushJobDeps & { now: () => Date }): PushJobs {
  const log = deps.logger.child({ job: 'pushes' });
  const jobDeps = { repos: deps.repos, logger: log };
  let stopped = false;

  async function tickOnce(): Promise<void> {
    const now = deps.now();
    for (const [name, tick] of [
      ['reminders', reminderTick],
      ['follow-ups', followUpTick],
    ] as const) {
      if (stopped) return;
      try {
        await tick(jobDeps, now);
      } catch (error) {
        log.error({ err: describeError(error), tick: name }, 'push tick failed');
      }
    }
  }

  const schedule = scheduleTicks({ name: 'exhibitor-pushes', log, tick: tickOnce });
  return {
    start() {
      void schedule.start();
    },
    async stop() {
      stopped = true;
      await schedule.stop();
    },
  };
}
