import type { Composer, Scenes } from 'telegraf';
import type { BotContext } from '../context.js';
import { createHelpFeature } from './help.js';
import { createMissionFeature, createMissionScene } from './mission.js';
import { createProgressFeature } from './progress.js';
import { createRegistrationFeature, createRegistrationScene } from './registration.js';
import { createSaleReportFeature } from './sale-report.js';

/** Every feature's composer, in the order their handlers run. A new feature adds one line here. */
export function createFeatures(): Composer<BotContext>[] {
  return [createHelpFeature(), createMissionFeature(), createRegistrationFeature(), createSaleReportFeature(), createProgressFeature()];
}

/** Every wizard, registered once with the stage. */
export function createScenes(): Scenes.WizardScene<BotContext>[] {
  return [createMissionScene(), createRegistrationScene()];
}
