import { connect } from 'node:net';
import { describe, expect, it } from 'vitest';
import { apiErrorBodySchema } from '../../src/contract/error.ts';
import { createSandboxHarness } from '../testing/sandbox-client.ts';
import { startTestSandbox } from '../testing/test-server.ts';

/** Writes bytes to the sandbox's socket as they are and reads the whole answer. */
async function rawExchange(url: string, request: string): Promise<string> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname, () => socket.end(request));
    let answer = '';
    socket.on('data', (chunk) => (answer += chunk.toString('utf8')));
    socket.on('end', () => resolve(answer));
    socket.on('error', reject);
  });
}

/** Requests the fuzz suite (fuzz.test.ts) once answered with a 5xx or a hang, each kept as it was found. */
describe('inputs the fuzz suite found', () => {
  const sandbox = createSandboxHarness();

  const expectRefusal = async (response: Response, status: number, errorName: string) => {
    expect(response.status).toBe(status);
    expect(apiErrorBodySchema.parse(await response.json()).ErrorName).toBe(errorName);
  };

  it('a malformed escape in the query of GET /v1/conversations/single', async () => {
    const client = await sandbox.as();
    await expectRefusal(await client.request('GET', '/v1/conversations/single?FirstName~gt~%FF'), 400, 'InvalidQueryParameter');
    await expectRefusal(await client.request('GET', '/v1/conversations/single?phonenumber=%E0%A4%A'), 400, 'InvalidQueryParameter');
  });
});

describe('requests Node refuses before any route sees them', () => {
  it('answer in the documented error body (a request line past 16 KB, bytes that are not HTTP), closing connections with unread bodies', async () => {
    const sandbox = await startTestSandbox({ appKey: 'k', secretKey: 's' });
    try {
      const long = await rawExchange(sandbox.url, `GET /v1/contacts?search=${'x'.repeat(20_000)} HTTP/1.1\r\nHost: x\r\n\r\n`);
      expect(long).toMatch(/^HTTP\/1\.1 431 /);
      expect(apiErrorBodySchema.parse(JSON.parse(long.slice(long.indexOf('\r\n\r\n') + 4))).ErrorName).toBe('HeadersTooLarge');

      // A body nobody read: the connection closes after the answer, and the answer says so.
      const unread = await rawExchange(
        sandbox.url,
        `PUT /v1/no-such-route HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 200000\r\n\r\n{"a":"${'y'.repeat(199_992)}"}`,
      );
      expect(unread).toMatch(/^HTTP\/1\.1 401 /);
      expect(unread.slice(0, unread.indexOf('\r\n\r\n'))).toMatch(/\r\nconnection: close\r\n/i);

      const garbage = await rawExchange(sandbox.url, 'NOT HTTP AT ALL\r\n\r\n');
      expect(garbage).toMatch(/^HTTP\/1\.1 400 /);
      expect(apiErrorBodySchema.parse(JSON.parse(garbage.slice(garbage.indexOf('\r\n\r\n') + 4))).ErrorName).toBe('MalformedRequest');
    } finally {
      await sandbox.close();
    }
  }, 30_000);
});
