import { loadConfig } from './config.ts';
import { startSandboxInThisThread } from './sandbox/serve-sandbox.ts';
import { demoLoginLines } from './startup-messages.ts';

/**
 * `npm run sandbox`: the sandbox alone, without the dashboard, for your own client (README, "Calling the sandbox from
 * your own code"). The same settings as `npm start` (DATA_DIR, SANDBOX_DB, SANDBOX_CLOCK_SPEED, SANDBOX_PORT,
 * SANDBOX_HOST, CEA_APP_KEY, CEA_SECRET_KEY), so both use the same database and keys; CEA_API_URL is ignored.
 */
try {
  const config = loadConfig({ ...process.env, CEA_API_URL: '' });
  const sandbox = await startSandboxInThisThread({ ...config.sandbox!, appKey: config.appKey, secretKey: config.secretKey });

  // One write, so whoever reads the output finds the address and the keys together.
  console.log(
    [
      `\nThe Callboard sandbox (Call-Em-All API v1) is running at ${sandbox.url}`,
      'Sign every request with OAuth 1.0a (HMAC-SHA1) using:',
      `  AppKey     ${config.appKey}`,
      `  SecretKey  ${config.secretKey}`,
      'Get an AuthToken (the oauth_token) from POST /v1/user/login, signed with the two keys alone.',
      ...demoLoginLines(),
    ].join('\n'),
  );

  const stop = async () => {
    await sandbox.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop());
  process.once('SIGTERM', () => void stop());
} catch (error) {
  // A setting, the port or the database: each says what to change, and a stack trace would bury that.
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
