import { startTransition, useCallback, useEffect, useRef, useState } from 'react';
import type { ColumnField } from '@contract/column-mapping.ts';
import type { ParserRequest, ParserResponse } from './csv-parser-protocol.ts';

export type ParserState =
  | { status: 'idle' }
  | { status: 'parsing'; rows: number; fraction: number }
  | { status: 'parsed'; rowCount: number; columnCount: number; firstRows: string[][] }
  | { status: 'failed'; message: string };

/**
 * Parses a file or pasted text in a Web Worker, reporting progress; `cancel` stops it at once (the worker is
 * ended). `build` then asks the same worker for the upload file, so the rows never cross to the page.
 */
export function useCsvParser() {
  const worker = useRef<Worker | null>(null);
  const pendingBuild = useRef<{ resolve: (csv: { csv: Blob; rowCount: number }) => void; reject: (error: Error) => void } | null>(null);
  const [state, setState] = useState<ParserState>({ status: 'idle' });

  const stop = useCallback(() => {
    worker.current?.terminate();
    worker.current = null;
    pendingBuild.current?.reject(new Error('Reading the file was cancelled.'));
    pendingBuild.current = null;
  }, []);
  useEffect(() => stop, [stop]);

  const parse = useCallback(
    (source: File | string) => {
      stop();
      const next = new Worker(new URL('./csv-parser.worker.ts', import.meta.url), { type: 'module' });
      worker.current = next;
      setState({ status: 'parsing', rows: 0, fraction: 0 });
      next.addEventListener('message', (event: MessageEvent<ParserResponse>) => {
        const message = event.data;
        if (message.type === 'progress') setState({ status: 'parsing', rows: message.rows, fraction: message.fraction });
        // Drawing the mapping step is the page's biggest render: as a transition, React yields to the browser in between.
        else if (message.type === 'parsed') startTransition(() => setState({ status: 'parsed', ...message }));
        else if (message.type === 'built') {
          pendingBuild.current?.resolve(message);
          pendingBuild.current = null;
        } else {
          pendingBuild.current?.reject(new Error(message.message));
          pendingBuild.current = null;
          setState({ status: 'failed', message: message.message });
        }
      });
      next.addEventListener('error', () => setState({ status: 'failed', message: 'The file could not be read in this browser.' }));
      next.postMessage({ type: 'parse', source } satisfies ParserRequest);
    },
    [stop],
  );

  const cancel = useCallback(() => {
    stop();
    setState({ status: 'idle' });
  }, [stop]);

  const build = useCallback(
    (mapping: Array<ColumnField | null>, hasHeader: boolean) =>
      new Promise<{ csv: Blob; rowCount: number }>((resolve, reject) => {
        if (!worker.current) {
          reject(new Error('Read a file first.'));
          return;
        }
        pendingBuild.current = { resolve, reject };
        worker.current.postMessage({ type: 'build', mapping, hasHeader } satisfies ParserRequest);
      }),
    [],
  );

  return { state, parse, cancel, build };
}
