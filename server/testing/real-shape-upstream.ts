import { createServer, request, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { answerRouteOf } from './answer-routes.ts';
import { realShapeOf } from './real-shape.ts';

export interface RealShapeUpstream {
  url: string;
  /** How many answers it rewrote, by `METHOD /route`. */
  rewritten: Map<string, number>;
  close(): Promise<void>;
}

/**
 * A stand-in for the real service for tests (docs/decisions/0093-real-shape-stand-in.md): it sits between our server
 * and the sandbox, passes every request on as it came (the Host header too, so OAuth signatures still verify), and
 * answers with the sandbox's own answer rewritten the way the real service's models allow (real-shape.ts). Errors,
 * non-JSON answers and routes the registry does not list pass through unchanged.
 */
export async function startRealShapeUpstream({
  target,
  port = 0,
  host = '127.0.0.1',
}: {
  target: string;
  port?: number;
  host?: string;
}): Promise<RealShapeUpstream> {
  const targetUrl = new URL(target);
  const rewritten = new Map<string, number>();
  const server = createServer((incoming, outgoing) => {
    const headers: IncomingHttpHeaders = { ...incoming.headers };
    // Whole bodies, so an answer can be rewritten.
    delete headers['accept-encoding'];
    const upstream = request({ host: targetUrl.hostname, port: targetUrl.port, method: incoming.method, path: incoming.url, headers }, (answer) => {
      const chunks: Buffer[] = [];
      answer.on('data', (chunk: Buffer) => chunks.push(chunk));
      answer.on('end', () => {
        let body = Buffer.concat(chunks);
        const status = answer.statusCode ?? 502;
        const route = answerRouteOf(incoming.method ?? 'GET', incoming.url ?? '/');
        if (route && status >= 200 && status < 300 && /json/.test(answer.headers['content-type'] ?? '') && body.length > 0) {
          const key = `${route.method} ${route.route}`;
          body = Buffer.from(JSON.stringify(realShapeOf(JSON.parse(body.toString('utf8')), route.schema, key)));
          rewritten.set(key, (rewritten.get(key) ?? 0) + 1);
        }
        const { 'content-length': _length, 'transfer-encoding': _encoding, ...rest } = answer.headers;
        outgoing.writeHead(status, { ...rest, 'content-length': String(body.length) });
        outgoing.end(body);
      });
    });
    upstream.on('error', () => {
      if (!outgoing.headersSent) outgoing.writeHead(502, { 'content-type': 'application/json' });
      outgoing.end(
        JSON.stringify({ ErrorCode: 9002, ErrorName: 'UpstreamUnavailable', ErrorType: 'Server', Message: 'The sandbox behind the stand-in did not answer.' }),
      );
    });
    incoming.pipe(upstream);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  const { port: boundPort } = server.address() as AddressInfo;
  return {
    url: `http://${host}:${boundPort}`,
    rewritten,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
