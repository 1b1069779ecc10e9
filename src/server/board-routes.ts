import { createHash } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Lang } from '../domain/entities.js';
import type { BoardRepository } from '../db/repositories/board.js';
import type { MissionRepository } from '../db/repositories/missions.js';
import type { Logger } from '../logger.js';
import { BOARD_ASSETS, BOARD_ASSET_VERSION } from './board-assets.js';
import { boardAllows, type BoardHub, type BoardSnapshot } from './board-hub.js';
import { BOARD_ASSET_PATH, renderBoardPage, renderNotFound } from './board-page.js';

export interface BoardRoutesOptions {
  hub: BoardHub;
  board: Pick<BoardRepository, 'missionIdBySlug' | 'ensure'>;
  missions: Pick<MissionRepository, 'findActive'>;
  logger: Logger;
}

/** Answers a request under /papan; false for any other path (the caller's 404). */
export type BoardRoutes = (req: IncomingMessage, res: ServerResponse) => boolean;

// The key is in the URL: no Referer may carry it to another site, and nothing outside the bot may load.
const PAGE_HEADERS = {
  'content-security-policy': "default-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; base-uri 'none'; form-action 'none'; frame-ancestors 'self' https://web.telegram.org",
  'referrer-policy': 'no-referrer',
  'x-content-type-options': 'nosniff',
};

const SLUG = /^[a-z0-9-]{1,64}$/;

/**
 * The live board over HTTP:
 *
 * - `GET /papan/<slug>?key=<key>[&lang=en]`: the page (404 on a wrong slug or key; no key needed once public);
 * - `GET /papan?key=<key>`: the same for the active mission;
 * - `GET /papan/<slug>/events?key=<key>[&lang=en]`: its Server-Sent Events;
 * - `GET /papan/_/board.css`, `/papan/_/board.js`: the page's own files.
 *
 * Pages carry an ETag of the snapshot they show, so reloading an unchanged
 * board costs a 304 and no database query (the snapshot is the poller's).
 */
export function createBoardRoutes(options: BoardRoutesOptions): BoardRoutes {
  const slugs = new Map<string, number>();
  let active: { at: number; id: number | undefined } | undefined;

  async function missionIdOf(slug: string | undefined): Promise<number | undefined> {
    if (slug === undefined) {
      // One lookup a second at most, however many screens open /papan at once;
      // "no active mission" is not kept, so a mission just created shows at once.
      if (!active || active.id === undefined || Date.now() - active.at > 1_000) {
        const mission = await options.missions.findActive();
        active = { at: Date.now(), id: mission ? (await options.board.ensure(mission.id)).missionId : undefined };
      }
      return active.id;
    }
    if (!SLUG.test(slug)) return undefined;
    const cached = slugs.get(slug);
    if (cached !== undefined) return cached;
    const id = await options.board.missionIdBySlug(slug);
    // A slug never changes once given, so a found one is cached for good; a miss is not.
    if (id !== undefined) slugs.set(slug, id);
    return id;
  }

  async function page(res: ServerResponse, req: IncomingMessage, snapshot: BoardSnapshot, lang: Lang, key: string | null): Promise<void> {
    const slug = snapshot.access.slug ?? '';
    const keyPart = key && !snapshot.access.public ? `key=${encodeURIComponent(key)}` : '';
    const query = (parts: string[]) => (parts.filter(Boolean).length ? `?${parts.filter(Boolean).join('&')}` : '');
    const etag = `"${createHash('sha1').update(`${snapshot.id}|${lang}|${keyPart}|${BOARD_ASSET_VERSION}`).digest('base64url')}"`;
    const headers = { ...PAGE_HEADERS, etag, 'cache-control': 'no-cache' };
    if (req.headers['if-none-match'] === etag) {
      res.writeHead(304, headers);
      res.end();
      return;
    }
    const body = renderBoardPage({
      mission: snapshot.mission,
      lang,
      main: snapshot.main[lang],
      updated: snapshot.updated[lang],
      eventsUrl: `/papan/${slug}/events${query([keyPart, lang === 'en' ? 'lang=en' : ''])}`,
      otherLanguageUrl: `/papan/${slug}${query([keyPart, lang === 'id' ? 'lang=en' : ''])}`,
      assetVersion: BOARD_ASSET_VERSION,
    });
    res.writeHead(200, { ...headers, 'content-type': 'text/html; charset=utf-8' });
    res.end(body);
  }

  function notFound(res: ServerResponse, lang: Lang): void {
    if (res.headersSent) return;
    res.writeHead(404, { ...PAGE_HEADERS, 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
    res.end(renderNotFound(lang, BOARD_ASSET_VERSION));
  }

  async function handle(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    const lang: Lang = url.searchParams.get('lang') === 'en' ? 'en' : 'id';
    const key = url.searchParams.get('key');
    const parts = url.pathname.split('/').filter(Boolean).slice(1);
    if (parts[0] === '_' && parts.length === 2) {
      const asset = BOARD_ASSETS[parts[1] ?? ''];
      if (!asset) return notFound(res, lang);
      const headers = { etag: asset.etag, 'cache-control': 'public, max-age=86400', 'x-content-type-options': 'nosniff' };
      if (req.headers['if-none-match'] === asset.etag) {
        res.writeHead(304, headers);
        res.end();
        return;
      }
      res.writeHead(200, { ...headers, 'content-type': asset.type, 'content-length': asset.body.length });
      res.end(asset.body);
      return;
    }
    const events = parts.length === 2 && parts[1] === 'events';
    if (parts.length > 1 && !events) return notFound(res, lang);
    const missionId = await missionIdOf(parts[0]);
    if (missionId === undefined) return notFound(res, lang);
    if (events) {
      const lastEventId = req.headers['last-event-id'];
      const opened = await options.hub.subscribe(missionId, res, { lang, key, lastEventId: typeof lastEventId === 'string' ? lastEventId : null });
      if (!opened) notFound(res, lang);
      return;
    }
    const snapshot = await options.hub.snapshot(missionId, key);
    if (!snapshot || !boardAllows(snapshot.access, key)) return notFound(res, lang);
    await page(res, req, snapshot, lang, key);
  }

  return (req, res) => {
    const url = new URL(req.url ?? '/', 'http://board.local');
    if (url.pathname !== '/papan' && !url.pathname.startsWith('/papan/')) return false;
    if (req.method !== 'GET') {
      res.writeHead(405, { allow: 'GET' });
      res.end();
      return true;
    }
    handle(req, res, url).catch((error: unknown) => {
      options.logger.error({ err: error, path: url.pathname }, 'board request failed');
      if (!res.headersSent) {
        res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' });
        res.end('500');
      } else res.end();
    });
    return true;
  };
}
