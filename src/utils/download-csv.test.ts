import { afterEach, describe, expect, it, vi } from 'vitest';
import { downloadCsv } from './download-csv.ts';

describe('downloadCsv', () => {
  afterEach(() => vi.restoreAllMocks());

  it('saves CSV text as a UTF-8 file that Excel reads as such', async () => {
    let saved: Blob | undefined;
    vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
      saved = blob as Blob;
      return 'blob:test';
    });
    vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined);
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);

    downloadCsv('opt-outs.csv', 'Phone,Notes\r\n2145551234,"Asked by phone, twice"\r\n');

    expect(click).toHaveBeenCalledOnce();
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(await saved!.arrayBuffer());
    expect(text).toBe('\uFEFFPhone,Notes\r\n2145551234,"Asked by phone, twice"\r\n');
  });
});
