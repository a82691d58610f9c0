import { describe, expect, it } from 'vitest';
import { booleanArrayLiteral, numberArrayLiteral, textArrayLiteral } from './array-literals';

describe('array literals', () => {
  it('writes numbers and NULL, and refuses what PostgreSQL cannot store', () => {
    expect(numberArrayLiteral([1, null, 9_007_199_254_740_991, 1.5, 0])).toBe('{1,NULL,9007199254740991,1.5,0}');
    expect(numberArrayLiteral([])).toBe('{}');
    expect(() => numberArrayLiteral([Number.NaN])).toThrow(RangeError);
  });

  it('quotes every text element so that separators and the word NULL stay text', () => {
    expect(textArrayLiteral(['plain', 'a,b', '{x}', 'say "hi"', 'back\\slash', 'NULL', '', null, 'ünï'])).toBe(
      '{"plain","a,b","{x}","say \\"hi\\"","back\\\\slash","NULL","",NULL,"ünï"}',
    );
  });

  it('writes booleans', () => {
    expect(booleanArrayLiteral([true, false])).toBe('{t,f}');
  });
});
