import { describe, expect, it } from 'vitest';
import { isSilenced } from './routing';

describe('isSilenced', () => {
  it('holds an alert back only while silencedUntil is in the future', () => {
    expect(isSilenced({ silencedUntil: null }, 1_000)).toBe(false);
    expect(isSilenced({ silencedUntil: new Date(1_001) }, 1_000)).toBe(true);
    expect(isSilenced({ silencedUntil: new Date(1_000) }, 1_000)).toBe(false);
  });
});
