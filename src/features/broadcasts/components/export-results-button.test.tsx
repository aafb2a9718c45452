import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useEffect } from 'react';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { BroadcastDetail } from '@contract/broadcast-detail.ts';
import { NotificationsProvider, useNotify } from '@/components/feedback/notifications.tsx';
import { resultColumns } from '../results-csv.ts';
import { ExportResultsButton } from './export-results-button.tsx';

const detail = (index: number): BroadcastDetail => ({
  UriCallBroadcast: '/v1/broadcasts/39601',
  PhoneNumber: String(2145550000 + index),
  FirstName: 'Pat',
  LastName: `Number ${index}`,
  Notes: null,
  IntegrationData: null,
  NumberOfAttempts: 1,
  LastCallTime: '2026-01-05 05:31:00-0600',
  SurveyResult: null,
  CallResultCategory: 'Live Answer',
  CallStatus: 'Completed',
  TransferDuration: 0,
  TransferCredits: 0,
  IsTransferInitiated: false,
});

const TOTAL = 1500;
const pages: Record<number, { items: BroadcastDetail[]; next: string | null }> = {
  1: { items: Array.from({ length: 1000 }, (_, index) => detail(index)), next: '/v1/broadcasts/39601/details?pagesize=1000&page=2' },
  2: { items: Array.from({ length: 500 }, (_, index) => detail(1000 + index)), next: null },
};

/** Answers page 1 at once and holds page 2 until the test releases it. */
function stubFeed() {
  const requested: string[] = [];
  let release: () => void = () => {};
  const held = new Promise<void>((resolve) => {
    release = resolve;
  });
  vi.stubGlobal('fetch', async (url: string, init?: RequestInit) => {
    requested.push(url);
    const page = url.includes('page=2') ? 2 : 1;
    if (page === 2) await held;
    if (init?.signal?.aborted) throw new DOMException('Aborted', 'AbortError');
    const body = { Size: TOTAL, Items: pages[page]!.items, Previous: null, Next: pages[page]!.next };
    return new Response(JSON.stringify(body), { status: 200, headers: { 'content-type': 'application/json' } });
  });
  return { requested, release: () => release() };
}

const renderButton = () =>
  render(
    <NotificationsProvider>
      <ExportResultsButton
        broadcastId={39601}
        params={{ page: 3, pageSize: 25, filters: [{ field: 'CallResultCategory', op: 'eq', value: 'Live Answer' }] }}
        columns={resultColumns('Call', { survey: false, messageText: false })}
        fileName="broadcast-39601-live-answer.csv"
        matching={TOTAL}
      />
    </NotificationsProvider>,
  );

function NotifiesOnce() {
  const notify = useNotify();
  useEffect(() => notify({ message: 'Snackbar loaded' }), [notify]);
  return null;
}

/**
 * The snackbar's code loads with the first notification (React.lazy), and React shows content that suspended no sooner
 * than 300 ms after: shown once here, the export's notification is not held up by it and findBy's second is enough.
 */
beforeAll(async () => {
  const { unmount } = render(
    <NotificationsProvider>
      <NotifiesOnce />
    </NotificationsProvider>,
  );
  await screen.findByText('Snackbar loaded', {}, { timeout: 10_000 });
  unmount();
});

describe('ExportResultsButton', () => {
  let saved: Blob[];
  beforeEach(() => {
    saved = [];
    vi.stubGlobal('URL', Object.assign(URL, { createObjectURL: (blob: Blob) => (saved.push(blob), 'blob:export'), revokeObjectURL: () => {} }));
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
  });
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('walks every page of the filter, shows its progress, and saves one CSV with a header', async () => {
    const feed = stubFeed();
    renderButton();
    await userEvent.click(screen.getByRole('button', { name: 'Export CSV' }));

    expect(await screen.findByText('1,000 of 1,500 numbers')).toBeInTheDocument();
    expect(screen.getByRole('progressbar', { name: 'Export progress' })).toHaveAttribute('aria-valuenow', String(Math.round((1000 / 1500) * 100)));
    feed.release();

    expect(await screen.findByText('Exported 1,500 numbers to broadcast-39601-live-answer.csv.')).toBeInTheDocument();
    // The grid's own page is not the export's: it starts at page 1, a thousand at a time, and follows Next.
    expect(feed.requested).toEqual([
      '/api/v1/broadcasts/39601/details?CallResultCategory=Live%20Answer&pagesize=1000',
      '/api/v1/broadcasts/39601/details?pagesize=1000&page=2',
    ]);
    expect(saved).toHaveLength(1);
    const lines = (await saved[0]!.text())
      .replace(/^\uFEFF/, '')
      .trimEnd()
      .split('\r\n');
    expect(lines[0]).toBe('Phone number,First name,Last name,Result,Status,Attempts,Last call time,Notes,Integration data');
    expect(lines).toHaveLength(TOTAL + 1);
    expect(lines[1500]).toBe('2145551499,Pat,Number 1499,Live Answer,Completed,1,2026-01-05 05:31:00-0600,,');
  });

  it('stops when canceled and saves nothing', async () => {
    const feed = stubFeed();
    renderButton();
    await userEvent.click(screen.getByRole('button', { name: 'Export CSV' }));
    expect(await screen.findByText('1,000 of 1,500 numbers')).toBeInTheDocument();

    await userEvent.click(screen.getByRole('button', { name: 'Cancel export' }));
    feed.release();
    expect(await screen.findByText('Export canceled. Nothing was saved.')).toBeInTheDocument();
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(saved).toHaveLength(0);
  });
});
