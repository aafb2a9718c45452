import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { fileRecords, memoryRecords, type RecordStore } from './account-records.ts';

const dir = mkdtempSync(join(tmpdir(), 'callboard-records-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let files = 0;
const stores: Array<[string, () => RecordStore]> = [
  ['memory', memoryRecords],
  ['a file', () => fileRecords(join(dir, `records-${++files}.json`))],
];

describe.each(stores)('records kept in %s', (_where, create) => {
  it('answers what was set, forgets what was removed, and nothing for a key never set', async () => {
    const records = create();
    await records.write({ set: { '7': { a: 1 }, '7:x': 'group-1' } });
    expect(await records.get('7')).toEqual({ a: 1 });
    await records.write({ set: { '7': { a: 2 } }, remove: ['7:x'] });
    expect(await records.get('7')).toEqual({ a: 2 });
    expect(await records.get('7:x')).toBeUndefined();
    expect(await records.get('8')).toBeUndefined();
  });
});

describe('the file', () => {
  it('keeps everything across a restart of the store, written whole through a temporary file', async () => {
    const file = join(dir, 'kept', 'records.json');
    await fileRecords(file).write({ set: { '7': { a: 1 }, '8': [1, 2] } });
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({ '7': { a: 1 }, '8': [1, 2] });
    expect(existsSync(`${file}.${process.pid}.tmp`)).toBe(false);
    const again = fileRecords(file);
    expect(await again.get('7')).toEqual({ a: 1 });
    expect(await again.get('8')).toEqual([1, 2]);
  });

  it.each([
    ['not JSON', '{"7": '],
    ['an array', '[{"7": 1}]'],
    ['a number', '7'],
  ])('starts empty instead of failing when it holds %s', async (_what, content) => {
    const file = join(dir, `broken-${content.length}.json`);
    writeFileSync(file, content);
    const records = fileRecords(file);
    expect(await records.get('7')).toBeUndefined();
    expect(await records.get('0')).toBeUndefined();
    await records.write({ set: { '7': true } });
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({ '7': true });
  });
});
