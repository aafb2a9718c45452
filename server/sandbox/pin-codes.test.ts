import { describe, expect, it } from 'vitest';
import { hashPinCode, hashPinCodeSync, verifyPinCode } from './pin-codes.ts';

describe('PIN codes', () => {
  it('are hashed and checked off the event loop: other work runs while scrypt does', async () => {
    let ranMeanwhile = false;
    setImmediate(() => {
      ranMeanwhile = true;
    });
    const stored = await hashPinCode('kessel-run-12');
    expect(ranMeanwhile).toBe(true);

    ranMeanwhile = false;
    setImmediate(() => {
      ranMeanwhile = true;
    });
    expect(await verifyPinCode('kessel-run-12', stored)).toBe(true);
    expect(ranMeanwhile).toBe(true);
  });

  it('match only the PIN that was hashed, and an unknown user matches nothing', async () => {
    const stored = hashPinCodeSync('alderaan-1977');
    expect(await verifyPinCode('alderaan-1977', stored)).toBe(true);
    expect(await verifyPinCode('alderaan-1978', stored)).toBe(false);
    expect(await verifyPinCode('alderaan-1977', undefined)).toBe(false);
    expect(await verifyPinCode('alderaan-1977', 'md5$x$y')).toBe(false);
  });
});
