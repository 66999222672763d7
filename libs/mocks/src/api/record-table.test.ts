import { describe, expect, it } from 'vitest';
import { RecordTable } from './record-table.js';

// Every row must read back as what went in, whatever mix of values a column meets.

function roundTrip(records: Record<string, unknown>[]): Record<string, unknown>[] {
  const table = new RecordTable();
  records.forEach((record, index) => expect(table.push(record)).toBe(index));
  expect(table.length).toBe(records.length);
  return records.map((_, row) => table.row(row));
}

describe('RecordTable', () => {
  it('reads back nulls, absent fields, numbers, booleans, strings and nested values', () => {
    const records = [
      { id: 'm-0001', at: 1_700_000_000_123, flag: true, note: null, tags: ['vip', 'new'] },
      { id: 'm-0002', at: -5, flag: false, tags: [] },
      { id: 'm-0003', at: 0.5, flag: 'true', note: 'true', extra: { nested: [1, null] } },
      { at: 4_294_967_296, note: '' },
    ];
    expect(roundTrip(records)).toEqual(records);
  });

  it('keeps the exact spelling of ids that only look sequential', () => {
    const ids = ['c-0001', 'c-00zz', 'c-10000', 'c-00A1', 'd-0001', 'c-0 01', 'c-', 'c-0002', 'plain', '42'];
    const records = ids.map((id) => ({ id, ref: id }));
    expect(roundTrip(records)).toEqual(records);
  });

  it('keeps a column of numbers exact when a large one follows small ones', () => {
    const records = [{ value: 1 }, { value: 4_294_967_295 }, { value: 4_294_967_296 }, { value: -1 }, { value: 1.25 }, { value: 2 ** 53 - 1 }];
    expect(roundTrip(records)).toEqual(records);
  });

  it('grows past its first capacity and past 255 and 65,535 distinct strings', () => {
    const records = Array.from({ length: 70_000 }, (_, index) => ({ id: `x-${index}`, name: `Name ${index}`, kind: index % 3 === 0 ? 'a' : 'b' }));
    const table = new RecordTable();
    for (const record of records) table.push(record);
    table.trim();
    for (const row of [0, 255, 256, 1023, 1024, 65_535, 65_536, 69_999]) expect(table.row(row)).toEqual(records[row]);
    expect(table.value(300, 'name')).toBe('Name 300');
    expect(table.value(300, 'missing')).toBeUndefined();
    table.push({ id: 'x-70000' });
    expect(table.row(70_000)).toEqual({ id: 'x-70000' });
  });

  it('hands out fresh rows whose nested values are frozen, so a caller cannot alter the table', () => {
    const table = new RecordTable();
    table.push({ id: 'a', tags: ['one'] });
    const first = table.row(0);
    first.id = 'changed';
    expect(() => (first.tags as string[]).push('two')).toThrow(TypeError);
    expect(table.row(0)).toEqual({ id: 'a', tags: ['one'] });
    expect(() => table.row(1)).toThrow(RangeError);
  });
});
