import type { Server } from 'node:http';
import type { Socket } from 'node:net';
import type { ServerType } from '@hono/node-server';
import { SandboxError } from './errors.ts';

/**
 * Requests Node's HTTP parser refuses before any route sees them (a URL or headers past its 16 KB limit, bytes that
 * are not HTTP) get the documented error body too, instead of Node's bare status line.
 */
export function answerUnparsableRequests(server: ServerType): void {
  // Our servers speak HTTP/1.1 (serve() without createServer options).
  (server as Server).on('clientError', (error: NodeJS.ErrnoException, socket: Socket) => {
    if (!socket.writable || (error.code === 'ECONNRESET' && socket.bytesWritten === 0 && !socket.readable)) {
      socket.destroy();
      return;
    }
    const refusal =
      error.code === 'HPE_HEADER_OVERFLOW'
        ? new SandboxError('HeadersTooLarge', 'The request line and headers are larger than 16 KB. Send long values in the body.')
        : new SandboxError('MalformedRequest', 'The request is not valid HTTP.');
    const body = JSON.stringify(refusal.toBody());
    const reason = refusal.status === 431 ? 'Request Header Fields Too Large' : 'Bad Request';
    socket.end(
      `HTTP/1.1 ${refusal.status} ${reason}\r\ncontent-type: application/json\r\ncontent-length: ${Buffer.byteLength(body)}\r\nconnection: close\r\n\r\n${body}`,
    );
  });
}
