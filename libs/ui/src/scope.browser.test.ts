import { expect } from '@open-wc/testing';
import { checkFilters, isLocalDate, mergeFilters, ownPeriod, parseFilters } from './scope.js';

describe('scope attributes', () => {
  it('reads a custom range (ordered), a preset, or nothing', () => {
    expect(ownPeriod(undefined, '2024-11-01', '2024-11-30')).to.deep.equal({ from: '2024-11-01', to: '2024-11-30' });
    expect(ownPeriod('today', '2024-11-30', '2024-11-01')).to.deep.equal({ from: '2024-11-01', to: '2024-11-30' });
    expect(ownPeriod('last-7-days', undefined, undefined)).to.deep.equal({ preset: 'last-7-days' });
    expect(ownPeriod(undefined, undefined, undefined)).to.equal(undefined);
    expect(() => ownPeriod(undefined, '2024-11-01', undefined)).to.throw(RangeError);
    expect(() => ownPeriod('next-year', undefined, undefined)).to.throw(/unknown preset/);
    expect(() => ownPeriod(undefined, '2024-02-30', '2024-03-01')).to.throw(/YYYY-MM-DD/);
    expect(isLocalDate('2024-02-29')).to.equal(true);
    expect(isLocalDate('2023-02-29')).to.equal(false);
  });

  it('parses and checks the filters attribute', () => {
    expect(parseFilters('{"openedChannel":["c1",""]}')).to.deep.equal({ openedChannel: ['c1', ''] });
    expect(() => parseFilters('{openedChannel')).to.throw('not valid JSON');
    expect(() => parseFilters('[]')).to.throw(/object/);
    expect(() => checkFilters({ channel: ['c1'] })).to.throw('unknown filter channel');
    expect(() => checkFilters({ category: [1] })).to.throw('category must be an array of strings');
  });

  it("merges an element's filters over its scope's, name by name, dropping names without values", () => {
    expect(mergeFilters({ contactType: ['new'], category: ['Billing'] }, { category: ['Sales'], contact: [] })).to.deep.equal({ contactType: ['new'], category: ['Sales'] });
    expect(mergeFilters(undefined, undefined)).to.deep.equal({});
  });
});
