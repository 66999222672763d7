import { describe, expect, it } from 'vitest';
import { Dictionary, noneCode } from './dictionary.js';

describe('Dictionary', () => {
  it('code 0 is null and undefined; values[0] is null', () => {
    const dictionary = new Dictionary();
    expect(noneCode).toBe(0);
    expect(dictionary.code(null)).toBe(0);
    expect(dictionary.code(undefined)).toBe(0);
    expect(dictionary.values).toStrictEqual([null]);
    expect(dictionary.size).toBe(1);
    expect(dictionary.isNone(0)).toBe(true);
    expect(dictionary.key(0)).toBe(null);
  });

  it('gives each distinct value the next code, once', () => {
    const dictionary = new Dictionary();
    expect(['b', 'a', 'b', 'c', 'a'].map((value) => dictionary.code(value))).toStrictEqual([1, 2, 1, 3, 2]);
    expect(dictionary.values).toStrictEqual([null, 'b', 'a', 'c']);
    expect(dictionary.size).toBe(4);
    expect(dictionary.key(1)).toBe('b');
    expect(dictionary.isNone(1)).toBe(false);
  });

  it('"" gets a code of its own, keeps its value, but is none like null (D8)', () => {
    const dictionary = new Dictionary();
    dictionary.code('x');
    expect(dictionary.code('')).toBe(2);
    expect(dictionary.code('')).toBe(2);
    expect(dictionary.values).toStrictEqual([null, 'x', '']);
    expect(dictionary.isNone(2)).toBe(true);
    expect(dictionary.key(2)).toBe(null);
    expect(dictionary.isNone(1)).toBe(false);
    expect(dictionary.key(1)).toBe('x');
    // ' ' is not empty
    expect(dictionary.isNone(dictionary.code(' '))).toBe(false);
  });

  it('without "" only code 0 is none', () => {
    const dictionary = new Dictionary();
    dictionary.code('a');
    dictionary.code('b');
    expect([0, 1, 2].map((code) => dictionary.isNone(code))).toStrictEqual([true, false, false]);
    expect([0, 1, 2].map((code) => dictionary.key(code))).toStrictEqual([null, 'a', 'b']);
  });

  it('find() returns the code of a present value, -1 otherwise, and adds nothing', () => {
    const dictionary = new Dictionary();
    dictionary.code('a');
    dictionary.code('');
    expect(dictionary.find('a')).toBe(1);
    expect(dictionary.find('')).toBe(2);
    expect(dictionary.find('missing')).toBe(-1);
    expect(dictionary.find('A')).toBe(-1);
    expect(dictionary.size).toBe(3);
  });

  it('codes non-string values (a number where an id belongs) as none', () => {
    const dictionary = new Dictionary();
    expect(dictionary.code(42)).toBe(0);
    expect(dictionary.code(true)).toBe(0);
    expect(dictionary.code(0)).toBe(0);
    expect(dictionary.code('42')).toBe(1);
    expect(dictionary.values).toStrictEqual([null, '42']);
  });

  it('treats strings by code units: distinct normalisations and cases are distinct values', () => {
    const dictionary = new Dictionary();
    const composed = '\u00E9'; // é
    const decomposed = 'e\u0301'; // e + combining acute
    expect([dictionary.code(composed), dictionary.code(decomposed), dictionary.code('É'), dictionary.code('\u{1F600}')]).toStrictEqual([1, 2, 3, 4]);
  });

  it('Dictionary.from round-trips values, codes, find and none-ness', () => {
    const original = new Dictionary();
    for (const value of ['u2', '', 'u1', '\u{1F600}', 'u10']) original.code(value);
    const copy = Dictionary.from(original.values);
    expect(copy.values).toStrictEqual([null, 'u2', '', 'u1', '\u{1F600}', 'u10']);
    expect(copy.size).toBe(6);
    expect(['u2', '', 'u1', '\u{1F600}', 'u10', 'other'].map((value) => copy.find(value))).toStrictEqual([1, 2, 3, 4, 5, -1]);
    expect([0, 1, 2, 3, 4, 5].map((code) => copy.isNone(code))).toStrictEqual([true, false, true, false, false, false]);
    expect([0, 1, 2, 3].map((code) => copy.key(code))).toStrictEqual([null, 'u2', null, 'u1']);
    // the copy keeps coding: known values keep their code, new ones come next
    expect(copy.code('u1')).toBe(3);
    expect(copy.code('new')).toBe(6);
    expect(original.size).toBe(6);
  });

  it('Dictionary.from of [null] is an empty dictionary', () => {
    const copy = Dictionary.from([null]);
    expect(copy.values).toStrictEqual([null]);
    expect(copy.size).toBe(1);
  });
});
