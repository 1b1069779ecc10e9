import type { Lang, Mission, User } from '../domain/entities.js';
import type { MissionField } from '../domain/mission-admin.js';
import { formatRupiahCompact } from '../domain/money.js';
import { formatDateId, localDate, localTime, timeZoneLabel } from '../domain/time.js';
import { catalogue, resolveLang, type Catalogue } from '../i18n/index.js';
import type { MissionFieldsView, MissionListItemView } from '../i18n/messages/mission.js';
import { missionDates, provinceName } from './presenters.js';

/** Formatting for the officials' screens and the pushes to exhibitors, in one place like presenters.ts. */

/** WIB/WITA/WIT for a mission's zone, or the zone itself outside Indonesia. */
export function zoneLabel(timeZone: string): string {
  return timeZoneLabel(timeZone) ?? timeZone;
}

/** One mission as a line of the /misi list. */
export function missionListItem(mission: Mission, lang: Lang): MissionListItemView {
  return {
    status: mission.status,
    name: mission.name,
    place: `${mission.city}, ${provinceName(mission.hostProvince)}`,
    dates: missionDates(mission, lang),
    target: formatRupiahCompact(mission.targetAmount, lang),
  };
}

/** The editable fields of the active mission, formatted for the edit menu. */
export function missionFieldsView(mission: Mission, lang: Lang): MissionFieldsView {
  return {
    name: mission.name,
    city: mission.city,
    startDate: formatDateId(mission.startDate, lang),
    endDate: formatDateId(mission.endDate, lang),
    timeZone: zoneLabel(mission.timeZone),
    digestTime: mission.digestTime,
    reminderTime: mission.reminderTime,
    registrationOpen: mission.registrationOpen,
  };
}

/** One field's value as the edit confirmation shows it ("20:00", "26 Nov 2026", "WITA", "dibuka"). */
export function fieldValue(field: MissionField, mission: Pick<Mission, MissionField>, t: Catalogue, lang: Lang): string {
  switch (field) {
    case 'startDate':
    case 'endDate':
      return formatDateId(mission[field], lang);
    case 'timeZone':
      return zoneLabel(mission.timeZone);
    case 'reminderTime':
      return mission.reminderTime ?? t.missionAdmin.values.off;
    case 'registrationOpen':
      return mission.registrationOpen ? t.missionAdmin.values.open : t.missionAdmin.values.closed;
    default:
      return mission[field];
  }
}

/** An instant as the mission's people read it: `3 Des 2026 10:00 WIB`. */
export function localMoment(instant: Date, timeZone: string, lang: Lang): string {
  return `${formatDateId(localDate(instant, timeZone), lang)} ${localTime(instant, timeZone)} ${zoneLabel(timeZone)}`;
}

/** The catalogue in a push recipient's language: their /bahasa choice, else Telegram's. */
export function catalogueFor(user: Pick<User, 'language' | 'languageCode'> | undefined): Catalogue {
  return catalogue(resolveLang(user?.language ?? null, user?.languageCode));
}
