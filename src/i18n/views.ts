/**
 * Ready-to-print values the catalogue words into sentences. The bot builds
 * them from domain records (amounts already formatted), so both languages
 * receive the same facts.
 */
export interface MissionView {
  name: string;
  origin: string;
  host: string;
  city: string;
  dates: string;
  timeZone: string;
  target: string;
}

export interface SaleView {
  amount: string;
  kind: string;
  direction: string;
  product: string | null;
  quantity: string | null;
  buyer: string | null;
}

export interface ProgressView {
  mission: string;
  place: string;
  dates: string;
  total: string;
  target: string;
  bar: string;
  percent: string;
  today: string;
  todayCount: number;
  realised: string;
  committed: string;
  investment: string;
  sell: string;
  buy: string;
  verified: string;
  /** Verified share of the total, formatted (`12,5%`); absent where a caller does not compute it. */
  verifiedShare?: string;
  /** Realised over committed of the followed-up commitments; absent or null before any answer. */
  realisation?: RealisationView | null;
  /** Meetings booked, held, deals; absent or null when the mission has no matching session. */
  meetings?: MeetingFiguresView | null;
  reportCount: number;
  exhibitorCount: number;
  phase: 'before' | 'during' | 'after';
  startsIn: number;
  daysLeft: number;
  reached: boolean;
  neededPerDay: string;
  projected: string | null;
}

/** Business matching's figures, the amount formatted; only for a mission with a matching session. */
export interface MeetingFiguresView {
  booked: number;
  held: number;
  deals: number;
  dealAmount: string;
}

/** The realisation rate of followed-up commitments (orders, LoI), formatted. */
export interface RealisationView {
  answered: number;
  realised: string;
  committed: string;
  percent: string;
}
