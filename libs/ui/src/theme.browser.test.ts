import { expect, fixture, html } from '@open-wc/testing';
import { emulateMedia } from '@web/test-runner-commands';
import { html as litHtml, type TemplateResult } from 'lit';
import { defineOnce } from '@parley/engine-client';
import { ParleyElement } from './parley-element.js';
import { tokenNames } from './theme.js';
import { expectAccessible } from './testing/a11y.js';

class ThemedBox extends ParleyElement {
  protected override render(): TemplateResult {
    return litHtml`<p style="background: var(--surface); color: var(--ink); margin: 0">Themed <span style="color: var(--muted)">muted</span> <a href="#x" style="color: var(--accent)">link</a></p>`;
  }
}
defineOnce('parley-themed-box', ThemedBox);

const surface = (element: ThemedBox) => getComputedStyle(element.shadowRoot?.querySelector('p') as HTMLElement).backgroundColor;

describe('theme tokens', () => {
  afterEach(() => emulateMedia({ colorScheme: 'light' }));

  it('defaults to light, follows prefers-color-scheme, and the theme attribute wins; text meets AA in both', async () => {
    const element = await fixture<ThemedBox>(html`<parley-themed-box></parley-themed-box>`);
    expect(surface(element)).to.equal('rgb(255, 255, 255)');
    await expectAccessible(element);
    await emulateMedia({ colorScheme: 'dark' });
    expect(surface(element)).to.equal('rgb(15, 23, 42)');
    await expectAccessible(element);
    element.theme = 'light';
    await element.updateComplete;
    expect(element.getAttribute('theme')).to.equal('light');
    expect(surface(element)).to.equal('rgb(255, 255, 255)');
    await emulateMedia({ colorScheme: 'light' });
    element.setAttribute('theme', 'dark');
    expect(surface(element)).to.equal('rgb(15, 23, 42)');
  });

  it('lets a host page restyle through --parley-* tokens', async () => {
    const host = await fixture<HTMLDivElement>(html`<div style="--parley-color-surface: rgb(1, 2, 3)"><parley-themed-box></parley-themed-box></div>`);
    const element = host.querySelector('parley-themed-box') as ThemedBox;
    await element.updateComplete;
    expect(surface(element)).to.equal('rgb(1, 2, 3)');
    expect(tokenNames).to.include('--parley-color-accent').and.include('--parley-font-family');
  });

  it('axe catches what it should (the check is live)', async () => {
    const host = await fixture<HTMLDivElement>(html`<div><button></button></div>`);
    let failure: Error | null = null;
    await expectAccessible(host).catch((error: Error) => (failure = error));
    expect(String(failure)).to.contain('button-name');
  });
});
