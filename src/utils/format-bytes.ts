const UNITS = ['kilobyte', 'megabyte', 'gigabyte'] as const;
const byteFormat = new Intl.NumberFormat('en-US', { style: 'unit', unit: 'byte', unitDisplay: 'long' });
const unitFormats = UNITS.map((unit) => new Intl.NumberFormat('en-US', { style: 'unit', unit, unitDisplay: 'short', maximumFractionDigits: 1 }));

/**
 * A file's size as people read it: "24 bytes", "1 byte", "1.5 kB", "3.2 MB". Steps of 1,024, as the upload limit
 * (128 MB) counts them; under a kilobyte the bytes themselves, never "1 KB" for 24 bytes.
 */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return byteFormat.format(bytes);
  let value = bytes / 1024;
  let index = 0;
  while (value >= 1024 && index < UNITS.length - 1) {
    value /= 1024;
    index += 1;
  }
  return unitFormats[index]!.format(value);
}
