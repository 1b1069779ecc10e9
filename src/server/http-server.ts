import { createServer, type IncomingMessage, type RequestListener, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface HttpServerOptions {
  port: number;
  host?: string;
  /** Answers GET /healthz: 200 when the database answers, 503 when it does not. */
  health: () => Promise<{ ok: boolean; detail?: Record<string, unknown> }>;
  /** Answers GET /metrics (Prometheus text format). */
  metrics?: () => Promise<{ contentType: string; body: string }>;
  /** In webhook mode: Telegraf's webhook callback, which checks the secret token header. */
  webhook?: { path: string; handler: (req: IncomingMessage, res: ServerResponse, next: () => void) => Promise<void> };
  /** More routes (the live board): true when the request was taken. */
  routes?: (req: IncomingMessage, res: ServerResponse) => boolean;
}

export interface RunningServer {
  server: Server;
  port: number;
  close(): Promise<void>;
}

/** One small HTTP server for the health check and, in webhook mode, Telegram's updates. */
export async function startHttpServer(options: HttpServerOptions): Promise<RunningServer> {
  const listener: RequestListener = (req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    if (req.method === 'GET' && path === '/healthz') {
      options.health().then(
        (result) => send(res, result.ok ? 200 : 503, { status: result.ok ? 'ok' : 'unavailable', ...result.detail }),
        () => send(res, 503, { status: 'unavailable' }),
      );
      return;
    }
    if (options.metrics && req.method === 'GET' && path === '/metrics') {
      options.metrics().then(
        ({ contentType, body }) => {
          res.writeHead(200, { 'content-type': contentType });
          res.end(body);
        },
        () => send(res, 503, { status: 'unavailable' }),
      );
      return;
    }
    if (options.webhook && req.method === 'POST' && path === options.webhook.path) {
      void options.webhook.handler(req, res, () => send(res, 404, { status: 'not found' }));
      return;
    }
    if (options.routes?.(req, res)) return;
    send(res, 404, { status: 'not found' });
  };
  const server = createServer(listener);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host ?? '0.0.0.0', () => resolve());
  });
  return {
    server,
    port: (server.address() as AddressInfo).port,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function send(res: ServerResponse, status: number, body: unknown): void {
  if (res.headersSent) return;
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}
