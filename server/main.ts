import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { createBffApp } from './bff/app.ts';
import { connectSharedStore } from './bff/shared-store.ts';
import { log } from './http/log.ts';
import type { ServerConfig } from './config.ts';
import { startSandbox, type SandboxThread } from './sandbox/sandbox.ts';

export interface RunningServer {
  url: string;
  /** The embedded sandbox, in its own thread; null with a real API. */
  sandbox: SandboxThread | null;
  /**
   * Stops taking connections, lets requests in flight finish within the shutdown deadline, cuts what is left, then
   * stops the sandbox. True when everything finished in time (docs/decisions/0172-graceful-shutdown.md).
   */
  close(): Promise<boolean>;
}

/**
 * Starts the embedded sandbox when no upstream is configured, in its own thread, then our server in front of it. The
 * server reaches the sandbox only over signed HTTP, exactly as it reaches the real API.
 */
export async function startServer(config: ServerConfig, options: { serveApp?: boolean } = {}): Promise<RunningServer> {
  const sandbox = config.sandbox
    ? await startSandbox({
        databasePath: config.sandbox.databasePath,
        clockSpeed: config.sandbox.clockSpeed,
        port: config.sandbox.port,
        host: config.sandbox.host,
        documentedOnly: config.sandbox.documentedOnly,
        // Single sign-on links point at this dashboard, at its configured address (a port of 0 is known only after
        // listening: the sandbox's fallback then applies, docs/decisions/0083-single-sign-on.md).
        dashboardUrl: config.port === 0 ? undefined : `http://${['0.0.0.0', '::'].includes(config.host) ? 'localhost' : config.host}:${config.port}`,
        appKey: config.appKey,
        secretKey: config.secretKey,
      })
    : null;
  void sandbox?.crashed.then((error) => log.fatal({ error: error.message }, 'the sandbox stopped'));

  const sharedStore = config.redisUrl ? connectSharedStore(config.redisUrl, log) : null;
  const app = createBffApp({
    apiUrl: sandbox?.url ?? config.apiUrl!,
    appKey: config.appKey,
    secretKey: config.secretKey,
    sessionSecret: config.sessionSecret,
    sessionIdleMs: config.sessionIdleMs,
    sessionMaxMs: config.sessionMaxMs,
    trustProxy: config.trustProxy,
    upstreamTimeoutMs: config.upstreamTimeoutMs,
    revokedSessionsFile: config.revokedSessionsFile,
    sendingSettingsFile: config.sendingSettingsFile,
    broadcastGroupsFile: config.broadcastGroupsFile,
    sandbox: sandbox !== null,
    distDir: options.serveApp === false ? undefined : config.distDir,
    isStopping: () => stopping,
    metrics: config.metrics,
    sharedStore,
  });
  let stopping = false;

  const server = await new Promise<ReturnType<typeof serve>>((resolve, reject) => {
    const started = serve({ fetch: app.fetch, hostname: config.host, port: config.port }, () => resolve(started));
    started.once('error', reject);
  }).catch(async (error: unknown) => {
    // The sandbox's thread would otherwise keep the process alive after a failed start.
    await sandbox?.close();
    await sharedStore?.close();
    throw error;
  });
  const { port } = server.address() as AddressInfo;
  const shownHost = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host;
  return {
    url: `http://${shownHost}:${port}`,
    sandbox,
    close: async () => {
      stopping = true;
      const finished = await closeWithin(server as Server, config.shutdownTimeoutMs);
      if (!finished) log.warn({ deadlineMs: config.shutdownTimeoutMs }, 'requests still in flight at the shutdown deadline were cut');
      await sandbox?.close();
      await sharedStore?.close();
      return finished;
    },
  };
}

/**
 * Closes the listening socket at once, then waits for the requests in flight: each kept-alive connection is closed as
 * soon as it is idle. Past `deadlineMs` every connection left is cut. Resolves true when none had to be cut.
 */
function closeWithin(server: Server, deadlineMs: number): Promise<boolean> {
  return new Promise((resolve) => {
    const idle = setInterval(() => server.closeIdleConnections(), 50);
    const deadline = setTimeout(() => {
      clearInterval(idle);
      server.closeAllConnections();
      resolve(false);
    }, deadlineMs);
    server.close(() => {
      clearInterval(idle);
      clearTimeout(deadline);
      resolve(true);
    });
    server.closeIdleConnections();
  });
}
