import { describe, expect, it } from 'vitest';
import { en } from './en';
import { sv } from './sv';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort().join(',');
const keys = Object.keys(sv) as Array<keyof typeof sv>;

describe('the Swedish and English catalogues', () => {
  it('have the same keys', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(sv).sort());
  });

  it('fill the same placeholders in both languages', () => {
    expect(keys.filter((key) => placeholders(en[key]) !== placeholders(sv[key]))).toEqual([]);
  });

  it('leave no text blank', () => {
    expect(keys.filter((key) => !sv[key].trim() || !en[key]?.trim())).toEqual([]);
  });
});
