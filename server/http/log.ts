import { createRequire } from 'node:module';
import { isatty } from 'node:tty';
import { isMainThread } from 'node:worker_threads';
import { pino, type DestinationStream, type Logger, type LoggerOptions } from 'pino';

export type { Logger };

/** The levels LOG_LEVEL accepts (pino's). */
export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/**
 * Fields that must never reach a line even if a caller passes a whole object by mistake: the log names requests, it
 * never holds what they carry (docs/decisions/0170-request-logs.md).
 */
const REDACTED = ['*.cookie', '*.authorization', '*.PinCode', '*.pinCode', '*.AuthToken', '*.token', '*.password', '*.secret', 'headers', 'body'];

function readableStream(): DestinationStream {
  // Loaded only for a terminal: a log collector reads the JSON lines, and pino-pretty costs start-up time.
  const require = createRequire(import.meta.url);
  const pretty = require('pino-pretty') as (options: object) => DestinationStream;
  return pretty({ colorize: true, sync: true, translateTime: 'HH:MM:ss.l', ignore: 'pid,hostname' });
}

/** How long a log line may wait in the buffer before it is written. */
const FLUSH_EVERY_MS = 1000;

/**
 * JSON lines on stdout, written in batches of up to 4 KB and at least every second: a write for each request's line
 * cost every request about a tenth of a millisecond. pino writes what is left when the process exits. The sandbox's
 * thread writes each line at once, since nothing writes its buffer when the thread ends.
 */
function jsonStream(): DestinationStream {
  if (!isMainThread) return pino.destination({ dest: 1, sync: false });
  const stream = pino.destination({ dest: 1, sync: false, minLength: 4096 });
  setInterval(() => stream.flush(() => {}), FLUSH_EVERY_MS).unref();
  return stream;
}

/**
 * A logger writing one JSON line per event to stdout, or readable lines when stdout is a terminal. Under vitest it is
 * silent unless LOG_LEVEL says otherwise, so test output stays readable.
 */
export function createLogger(options: { level?: string; pretty?: boolean; destination?: DestinationStream } = {}): Logger {
  const wanted = options.level ?? process.env.LOG_LEVEL ?? (process.env.VITEST ? 'silent' : 'info');
  // An unknown level is reported by loadConfig (server/config.ts); until then the logger must not throw.
  const level = (LOG_LEVELS as readonly string[]).includes(wanted) ? wanted : 'info';
  const settings: LoggerOptions = { level, base: { pid: process.pid }, redact: { paths: REDACTED, censor: '[hidden]' } };
  // fd 1 itself: the sandbox's thread has a piped process.stdout even when the process writes to a terminal.
  const pretty = options.pretty ?? (isatty(1) && !process.env.LOG_JSON);
  return pino(settings, options.destination ?? (pretty ? readableStream() : jsonStream()));
}

/** The process's logger; parts of the server take a child of it (`log.child({ part: 'sandbox' })`). */
export const log: Logger = createLogger();
