import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { z } from 'zod';
import { LOG_LEVELS } from './http/log.ts';

const booleanFlag = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'], { error: 'Use true or false' })
  .transform((value) => value === 'true' || value === '1' || value === 'yes');

const optionalText = z
  .string()
  .trim()
  .optional()
  .transform((value) => (value === '' ? undefined : value));

/** Every setting, read from the environment (README lists them). */
const environmentSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(8080),
  HOST: z.string().trim().min(1).default('127.0.0.1'),
  CEA_API_URL: optionalText.pipe(
    z
      .url({ protocol: /^https?$/, error: 'Use an http(s) URL such as https://rest.text-em-all.com' })
      .transform((url) => url.replace(/\/+$/, ''))
      .optional(),
  ),
  CEA_APP_KEY: optionalText,
  CEA_SECRET_KEY: optionalText,
  SESSION_SECRET: optionalText.pipe(z.string().min(32, 'Use at least 32 characters').optional()),
  DATA_DIR: z.string().trim().min(1).default('data'),
  SANDBOX_DB: optionalText,
  SANDBOX_CLOCK_SPEED: z.coerce.number().positive('Use a number above 0').max(100_000).default(1),
  SANDBOX_PORT: z.coerce.number().int().min(0).max(65535).default(0),
  SANDBOX_HOST: z.string().trim().min(1).default('127.0.0.1'),
  SANDBOX_DOCUMENTED_ONLY: booleanFlag.default(false),
  TRUST_PROXY: booleanFlag.default(false),
  SESSION_IDLE_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(60 * 24 * 30)
    .default(8 * 60),
  SESSION_MAX_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 90)
    .default(7 * 24),
  CEA_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(15_000),
  SHUTDOWN_TIMEOUT_MS: z.coerce.number().int().min(0).max(600_000).default(10_000),
  METRICS: booleanFlag.default(false),
  REDIS_URL: optionalText.pipe(z.url({ protocol: /^rediss?$/, error: 'Use a redis:// or rediss:// URL' }).optional()),
  LOG_LEVEL: z.enum(LOG_LEVELS, { error: `Use one of ${LOG_LEVELS.join(', ')}` }).optional(),
});

export interface ServerConfig {
  port: number;
  host: string;
  /** The upstream API; null runs the embedded sandbox. */
  apiUrl: string | null;
  appKey: string;
  secretKey: string;
  sessionSecret: string;
  /** documentedOnly: the sandbox answers only the routes a public source documents (decision 0130). */
  sandbox: { databasePath: string; clockSpeed: number; documentedOnly: boolean; port: number; host: string } | null;
  trustProxy: boolean;
  sessionIdleMs: number;
  sessionMaxMs: number;
  /** How long the API may take to answer before our server answers 504 (CEA_TIMEOUT_MS). */
  upstreamTimeoutMs: number;
  /** The store several copies share (REDIS_URL); null keeps that state in this process. */
  redisUrl: string | null;
  /** Serve /api/metrics (METRICS). */
  metrics: boolean;
  /** How long requests in flight may take to finish after SIGTERM (SHUTDOWN_TIMEOUT_MS). */
  shutdownTimeoutMs: number;
  /** Sessions ended by logout, kept across restarts (decision 0070); null with a throwaway in-memory sandbox. */
  revokedSessionsFile: string | null;
  /** The accounts' sending settings (decision 0184); null with a throwaway in-memory sandbox. */
  sendingSettingsFile: string | null;
  /** The accounts' broadcast groups (decision 0196); null with a throwaway in-memory sandbox. */
  broadcastGroupsFile: string | null;
  distDir: string;
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

const generatedSecret = () => randomBytes(32).toString('base64url');

/** A generated value kept in the data folder, so sessions and keys survive restarts. */
function keptSecret(dataDir: string, fileName: string): string {
  const path = join(dataDir, fileName);
  try {
    if (existsSync(path)) return readFileSync(path, 'utf8').trim();
    mkdirSync(dataDir, { recursive: true });
    const value = generatedSecret();
    writeFileSync(path, `${value}\n`, { mode: 0o600 });
    return value;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'error';
    throw new ConfigError(
      `DATA_DIR (${dataDir}) cannot be read and written (${code} on ${fileName}): give this user access, or set DATA_DIR to a folder it can write.`,
    );
  }
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env, rootDir = process.cwd()): ServerConfig {
  const parsed = environmentSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`);
    throw new ConfigError(`Invalid settings:\n${problems.join('\n')}`);
  }
  const settings = parsed.data;
  const dataDir = resolve(rootDir, settings.DATA_DIR);
  const common = {
    port: settings.PORT,
    host: settings.HOST,
    trustProxy: settings.TRUST_PROXY,
    sessionIdleMs: settings.SESSION_IDLE_MINUTES * 60_000,
    sessionMaxMs: settings.SESSION_MAX_HOURS * 3_600_000,
    upstreamTimeoutMs: settings.CEA_TIMEOUT_MS,
    shutdownTimeoutMs: settings.SHUTDOWN_TIMEOUT_MS,
    metrics: settings.METRICS,
    redisUrl: settings.REDIS_URL ?? null,
    distDir: resolve(rootDir, 'dist'),
    revokedSessionsFile: join(dataDir, 'revoked-sessions.jsonl'),
    sendingSettingsFile: join(dataDir, 'sending-settings.json'),
    broadcastGroupsFile: join(dataDir, 'broadcast-groups.json'),
  };

  if (settings.CEA_API_URL) {
    const missing = (['CEA_APP_KEY', 'CEA_SECRET_KEY', 'SESSION_SECRET'] as const).filter((name) => !settings[name]);
    if (missing.length > 0) {
      throw new ConfigError(`With CEA_API_URL set, these settings are required: ${missing.join(', ')}.`);
    }
    return {
      ...common,
      apiUrl: settings.CEA_API_URL,
      appKey: settings.CEA_APP_KEY!,
      secretKey: settings.CEA_SECRET_KEY!,
      sessionSecret: settings.SESSION_SECRET!,
      sandbox: null,
    };
  }

  // Sandbox mode: whatever is unset is generated, and kept unless the database itself is in memory.
  const databasePath = settings.SANDBOX_DB ?? join(dataDir, 'sandbox.db');
  const inMemory = databasePath === ':memory:';
  const secret = (name: string) => (inMemory ? generatedSecret() : keptSecret(dataDir, name));
  return {
    ...common,
    apiUrl: null,
    appKey: settings.CEA_APP_KEY ?? secret('sandbox-app-key'),
    secretKey: settings.CEA_SECRET_KEY ?? secret('sandbox-secret-key'),
    sessionSecret: settings.SESSION_SECRET ?? secret('session-secret'),
    revokedSessionsFile: inMemory ? null : common.revokedSessionsFile,
    sendingSettingsFile: inMemory ? null : common.sendingSettingsFile,
    broadcastGroupsFile: inMemory ? null : common.broadcastGroupsFile,
    sandbox: {
      databasePath: inMemory ? databasePath : resolve(rootDir, databasePath),
      clockSpeed: settings.SANDBOX_CLOCK_SPEED,
      port: settings.SANDBOX_PORT,
      host: settings.SANDBOX_HOST,
      documentedOnly: settings.SANDBOX_DOCUMENTED_ONLY,
    },
  };
}
