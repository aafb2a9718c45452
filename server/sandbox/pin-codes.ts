import { randomBytes, scryptSync, timingSafeEqual } from 'node:crypto';

// N = 2^14 keeps a login near 30 ms on these machines while making guessing expensive.
const SCRYPT_OPTIONS = { N: 16384, r: 8, p: 1 };

export function hashPinCode(pinCode: string): string {
  const salt = randomBytes(16);
  const hash = scryptSync(pinCode, salt, 32, SCRYPT_OPTIONS);
  return `scrypt$${salt.toString('base64')}$${hash.toString('base64')}`;
}

export function verifyPinCode(pinCode: string, stored: string): boolean {
  const [scheme, salt, hash] = stored.split('$');
  if (scheme !== 'scrypt' || !salt || !hash) return false;
  const expected = Buffer.from(hash, 'base64');
  const actual = scryptSync(pinCode, Buffer.from(salt, 'base64'), expected.length, SCRYPT_OPTIONS);
  return timingSafeEqual(expected, actual);
}
