import { closeSync, openSync, writeSync } from 'node:fs';

/**
 * A contacts spreadsheet as people export them, after the import yardstick's generator: three extra
 * columns, phones in five formats, about 3.5 % invalid numbers, 1.5 % repeats of an earlier number, quoted notes
 * with embedded quotes and commas, CRLF line ends. Deterministic.
 */

const FIRST = [
  'James',
  'Mary',
  'John',
  'Patricia',
  'Robert',
  'Jennifer',
  'Michael',
  'Linda',
  'William',
  'Elizabeth',
  'David',
  'Barbara',
  'Richard',
  'Susan',
  'Joseph',
  'Jessica',
  'Thomas',
  'Sarah',
  'Charles',
  'Karen',
  'Daniel',
  'Lisa',
  'José',
  'Zoë',
  'Renée',
  'Chloé',
];
const LAST = [
  'Smith',
  'Johnson',
  'Williams',
  'Brown',
  'Jones',
  'Garcia',
  'Miller',
  'Davis',
  'Rodriguez',
  'Martinez',
  'Lopez',
  'Wilson',
  'Anderson',
  'Taylor',
  'Moore',
  'Jackson',
  'Martin',
  'Lee',
  'Perez',
  'Thompson',
  'White',
  'Harris',
  "O'Brien",
  'Van der Berg',
];
const NOTES = ['Prefers evening calls', 'Member since 2019', 'Volunteer', 'Do not call Sundays', 'VIP', '', ''];
// Area codes none of the sandbox's generated contacts use, so an import adds people instead of merging them.
const AREA = ['209', '307', '406', '559', '605', '701', '802', '207'];

export const CSV_HEADER = 'First Name,Last Name,Phone,Email,Grade,Notes,Integration Data,Extra1';

export function writeContactCsv(path: string, rows: number, seed = 0x9e3779b9): void {
  let state = seed >>> 0;
  const random = () => {
    state ^= state << 13;
    state >>>= 0;
    state ^= state >>> 17;
    state ^= state << 5;
    state >>>= 0;
    return state / 4294967296;
  };
  const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)]!;
  const digits = (count: number) => Array.from({ length: count }, () => Math.floor(random() * 10)).join('');
  const quote = (value: string) => (/[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value);
  const earlier: string[] = [];
  const file = openSync(path, 'w');
  let lines = [CSV_HEADER];
  for (let index = 1; index <= rows; index += 1) {
    const phone = `${pick(AREA)}${2 + Math.floor(random() * 8)}${digits(6)}`;
    const roll = random();
    let written: string;
    if (roll < 0.02) written = digits(7);
    else if (roll < 0.03) written = `1${AREA[0]}0${digits(6)}`;
    else if (roll < 0.035) written = 'n/a';
    else if (roll < 0.05 && earlier.length > 0) written = pick(earlier);
    else {
      const format = Math.floor(random() * 5);
      const [area, exchange, line] = [phone.slice(0, 3), phone.slice(3, 6), phone.slice(6)];
      written = [phone, `(${area}) ${exchange}-${line}`, `${area}-${exchange}-${line}`, `+1 ${area} ${exchange} ${line}`, `1.${area}.${exchange}.${line}`][
        format
      ]!;
    }
    if (earlier.length < 1000) earlier.push(written);
    else if (random() < 0.01) earlier[Math.floor(random() * 1000)] = written;
    const first = pick(FIRST);
    const notes = random() < 0.1 ? 'Said "call later", maybe' : pick(NOTES);
    lines.push(
      [
        quote(first),
        quote(pick(LAST)),
        quote(written),
        `${first.toLowerCase()}.${index}@example.org`,
        String(1 + Math.floor(random() * 12)),
        quote(notes),
        `crm:${100000 + index}`,
        digits(3),
      ].join(','),
    );
    if (lines.length >= 10_000) {
      writeSync(file, `${lines.join('\r\n')}\r\n`);
      lines = [];
    }
  }
  if (lines.length > 0) writeSync(file, `${lines.join('\r\n')}\r\n`);
  closeSync(file);
}
