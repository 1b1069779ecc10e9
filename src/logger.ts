import { pino, type Logger } from 'pino';

export type { Logger };

/**
 * JSON logs with pino. The bot token is scrubbed from every line at the
 * destination, so no serializer or error message can leak it (Telegram client
 * errors carry the request URL, which contains the token).
 */
export function createLogger(options: { level: string; secrets?: readonly (string | undefined)[]; destination?: NodeJS.WritableStream }): Logger {
  const secrets = (options.secrets ?? []).filter((secret): secret is string => Boolean(secret && secret.length >= 8));
  const out = options.destination ?? process.stdout;
  const destination = {
    write(line: string) {
      let clean = line;
      for (const secret of secrets) clean = clean.split(secret).join('***');
      out.write(clean);
    },
  };
  return pino({ level: options.level, base: undefined, timestamp: pino.stdTimeFunctions.isoTime }, destination);
}
