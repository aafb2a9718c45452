import { spawn } from 'node:child_process';
import { connect, createServer } from 'node:net';

/**
 * A throwaway redis-server for tests of several copies (REDIS_URL): a free port, nothing saved (files, if any, in
 * `dir`). `kill` ends it at once, as a crash would.
 */
export async function startTestRedis(dir: string): Promise<{ url: string; kill: () => void }> {
  const port = await new Promise<number>((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port: free } = probe.address() as { port: number };
      probe.close(() => resolve(free));
    });
  });
  const redis = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--dir', dir, '--save', '', '--appendonly', 'no'], { stdio: 'ignore' });
  const answers = () =>
    new Promise<boolean>((resolve) => {
      const socket = connect(port, '127.0.0.1', () => socket.end(() => resolve(true)));
      socket.on('error', () => resolve(false));
    });
  for (const giveUpAt = Date.now() + 15_000; !(await answers());) {
    if (Date.now() > giveUpAt) {
      redis.kill('SIGKILL');
      throw new Error('redis-server did not start');
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return { url: `redis://127.0.0.1:${port}`, kill: () => void redis.kill('SIGKILL') };
}
