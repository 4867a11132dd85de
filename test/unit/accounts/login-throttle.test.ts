import { describe, expect, it } from 'vitest';
import { FREE_FAILURES, lockSecondsAfter, MAX_LOCK_SECONDS } from '../../../server/modules/accounts/login-throttle';

describe('sign-in pause after consecutive failures', () => {
  it('is free up to the allowance, then doubles from the base, and stops at the cap', () => {
    const pauses = Array.from({ length: FREE_FAILURES + 4 }, (_, i) => lockSecondsAfter(i + 1, 30));
    expect(pauses).toEqual([...Array<number>(FREE_FAILURES).fill(0), 30, 60, 120, 240]);
    expect(lockSecondsAfter(FREE_FAILURES + 40, 30)).toBe(MAX_LOCK_SECONDS);
  });
});
