import { describe, expect, it } from 'vitest';
import { sizeClassOf } from '../../../server/modules/organizations/size-class';

describe('EU SME size class', () => {
  it.each([
    [0, 0, 'micro'],
    [9, 1_999_999, 'micro'],
    [10, 1_999_999, 'small'], // headcount reaches the micro limit
    [9, 2_000_000, 'small'], // turnover reaches the micro limit
    [49, 9_999_999, 'small'],
    [50, 9_999_999, 'medium'],
    [49, 10_000_000, 'medium'],
    [249, 49_999_999, 'medium'],
    [250, 49_999_999, 'large'],
    [249, 50_000_000, 'large'],
    [5000, 1e9, 'large'],
  ])('headcount %d and turnover %d is %s', (headcount, turnover, expected) => {
    expect(sizeClassOf(headcount, turnover)).toBe(expected);
  });
});
