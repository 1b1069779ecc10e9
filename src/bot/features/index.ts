import type { Composer, Scenes } from 'telegraf';
import type { BotContext } from '../context.js';
import { createHelpFeature } from './help.js';
import { createMissionEditScene, createMissionFeature, createMissionScene } from './mission.js';
import { createTargetFeature } from './target.js';
import { createInviteFeature } from './invites.js';
import { createExhibitorsAdminFeature } from './exhibitors-admin.js';
import { createRemindersFeature } from './reminders.js';
import { createFollowUpAmountScene, createFollowUpsFeature } from './follow-ups.js';
import { createAnnounceFeature } from './announce.js';
import { createMyProductsFeature, createProductEditScene } from './my-products.js';
import { createNewProductFeature, createNewProductScene } from './products.js';
import { createProgressFeature } from './progress.js';
import { createRegistrationFeature, createRegistrationScene } from './registration.js';
import { createSaleReportFeature } from './sale-report.js';
import { createSaleWizardScene } from './sale-wizard.js';
import { createSaleVoidFeature, createSaleVoidScene } from './sale-void.js';
import { createSaleVerifyFeature } from './sale-verify.js';
import { createMySalesFeature } from './my-sales.js';
import { createExportFeature } from './export.js';
import { createLeaderboardFeature } from './leaderboard.js';
import { createSubscriptionsFeature } from './subscriptions.js';
import { createDigestFeature } from './digest.js';
import { createCatalogFeature } from './catalog.js';
import { createSearchFeature } from './search.js';
import { createInquiryFeature, createInquiryScene } from './inquiries.js';
import { createBoardFeature } from './board.js';
import { createLeadNoteScene, createLeadsFeature } from './leads.js';
import { createMatchingFeature, createMeetingDealScene, createMeetingNoteScene } from './matching.js';
import { createMatchingSessionsFeature, createSessionEditScene } from './matching-sessions.js';
import { createMatchingPlanFeature } from './matching-plan.js';

/** Every feature's composer, in the order their handlers run. A new feature adds one line here. */
export function createFeatures(): Composer<BotContext>[] {
  return [createHelpFeature(), createMatchingSessionsFeature(), createMatchingPlanFeature(), createMatchingFeature(), createMissionFeature(), createRegistrationFeature(), createNewProductFeature(), createMyProductsFeature(), createSaleReportFeature(), createSaleVoidFeature(), createSaleVerifyFeature(), createMySalesFeature(), createProgressFeature(), createExportFeature(), createLeaderboardFeature(), createSubscriptionsFeature(), createDigestFeature(), createCatalogFeature(), createSearchFeature(), createInquiryFeature(), createTargetFeature(), createInviteFeature(), createExhibitorsAdminFeature(), createRemindersFeature(), createFollowUpsFeature(), createAnnounceFeature(), createLeadsFeature(), createBoardFeature()];
}

/** Every wizard, registered once with the stage. */
export function createScenes(): Scenes.WizardScene<BotContext>[] {
  return [createMissionScene(), createRegistrationScene(), createSaleWizardScene(), createSaleVoidScene(), createNewProductScene(), createProductEditScene(), createInquiryScene(), createMissionEditScene(), createFollowUpAmountScene(), createLeadNoteScene(), createMeetingNoteScene(), createMeetingDealScene(), createSessionEditScene()];
}
