import { boardUrl } from '../domain/board.js';
import type { Mission } from '../domain/entities.js';
import type { BoardAccess } from '../db/repositories/board.js';
import type { Repositories } from '../db/repositories/index.js';

/** The board's link: the full address when PUBLIC_URL is set, else the path on the bot's server. */
export function linkOf(access: BoardAccess, publicUrl: string | undefined): string {
  return boardUrl(publicUrl ?? '', access.slug, access.public ? null : access.key);
}

/** The board's full link for a button, or undefined without PUBLIC_URL. */
export async function boardLink(repos: Pick<Repositories, 'board'>, mission: Mission, publicUrl: string | undefined): Promise<string | undefined> {
  if (!publicUrl) return undefined;
  return linkOf(await repos.board.ensure(mission.id), publicUrl);
}
