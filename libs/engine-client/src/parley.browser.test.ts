/// <reference types="mocha" />
import { expect } from '@open-wc/testing';
import { isSuperseded, latestOnly } from './latest-only.js';
import { resolveSourceConfig } from './parley.js';
import { queryKey } from './query-key.js';

describe('resolveSourceConfig', () => {
  it('resolves a relative base URL against the page', () => {
    expect(resolveSourceConfig({ baseUrl: '/api/demo/1/', workspace: 'w' }).baseUrl).to.equal(`${location.origin}/api/demo/1`);
    expect(resolveSourceConfig({ baseUrl: 'api', workspace: 'w' }, 'https://crm.example/app/page.html').baseUrl).to.equal(
      'https://crm.example/app/api',
    );
  });

  it('keeps an absolute base URL and leaves functions and unset fields out', () => {
    const config = resolveSourceConfig({ baseUrl: 'https://api.example/p', workspace: 'w', getHeaders: () => ({}) });
    expect(config).to.deep.equal({ baseUrl: 'https://api.example/p', workspace: 'w' });
  });

  it('requires a workspace', () => {
    expect(() => resolveSourceConfig({ baseUrl: '/api', workspace: '' })).to.throw(TypeError);
  });
});

describe('latestOnly', () => {
  it('lets only the newest answer through', async () => {
    const latest = latestOnly();
    let answerOld: (value: string) => void = () => {};
    const old = latest(new Promise<string>((resolve) => (answerOld = resolve)));
    const current = latest(Promise.resolve('new'));
    answerOld('old');
    expect(await current).to.equal('new');
    const error = await old.then(
      () => null,
      (reason: unknown) => reason,
    );
    expect(isSuperseded(error)).to.equal(true);
  });
});

describe('queryKey', () => {
  it('ignores key order, not values', () => {
    expect(queryKey({ a: 1, b: { c: [1, 2], d: null } })).to.equal(queryKey({ b: { d: null, c: [1, 2] }, a: 1 }));
    expect(queryKey({ a: [1, 2] })).to.not.equal(queryKey({ a: [2, 1] }));
  });
});
