import { randomBytes, scrypt, scryptSync, timingSafeEqual, type ScryptOptions } from 'node:crypto';

// N = 2^14 keeps a login near 30 ms on these machines while making guessing expensive.
const SCRYPT_OPTIONS = { N: 16384, r: 8, p: 1 };

/** scrypt on libuv's thread pool: a burst of logins never holds up the event loop (decision 0111). */
function scryptAsync(pinCode: string, salt: Buffer, length: number, options: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(pinCode, salt, length, options, (error, key) => (error ? reject(error) : resolve(key)));
  });
}

const encode = (salt: Buffer, hash: Buffer) => `scrypt$${salt.toString('base64')}$${hash.toString('base64')}`;

export async function hashPinCode(pinCode: string): Promise<string> {
  const salt = randomBytes(16);
  return encode(salt, await scryptAsync(pinCode, salt, 32, SCRYPT_OPTIONS));
}

/** For seeding at start-up, before any request can be waiting. */
export function hashPinCodeSync(pinCode: string): string {
  const salt = randomBytes(16);
  return encode(salt, scryptSync(pinCode, salt, 32, SCRYPT_OPTIONS));
}

/**
 * What an unknown user name is checked against, so both cases cost one scrypt. Random bytes in the stored form: no PIN
 * is known to match them, and no scrypt runs for them when the sandbox starts.
 */
const NOBODY = encode(randomBytes(16), randomBytes(32));

/** Whether `pinCode` matches `stored`; with no stored hash (unknown user), false after the same work. */
export async function verifyPinCode(pinCode: string, stored: string | undefined): Promise<boolean> {
  const [scheme, salt, hash] = (stored ?? NOBODY).split('$');
  if (scheme !== 'scrypt' || !salt || !hash) return false;
  const expected = Buffer.from(hash, 'base64');
  const actual = await scryptAsync(pinCode, Buffer.from(salt, 'base64'), expected.length, SCRYPT_OPTIONS);
  return timingSafeEqual(expected, actual) && stored !== undefined;
}
