import { LitElement } from 'lit';
import { property, state } from 'lit/decorators.js';
import { inheritedLocale, intlLocale, languageOf, onLangChange } from './lang.js';
import { messagesFor, type Messages } from './messages.js';
import { themeStyles } from './theme.js';

export const themes = ['light', 'dark'] as const;
export type Theme = (typeof themes)[number];

/**
 * What every Parley element shares: the theme tokens and the language (its `lang`, else inherited
 * from the page like any element), re-rendering when either changes.
 */
export class ParleyElement extends LitElement {
  static override styles = [themeStyles];

  static override get observedAttributes(): string[] {
    return [...super.observedAttributes, 'lang'];
  }

  /** `light` or `dark`; unset follows `prefers-color-scheme`. */
  @property({ reflect: true }) theme?: Theme;

  /** The BCP 47 locale in force (own or inherited `lang`), for Intl. */
  @state() protected locale = 'en';

  #stopLang: (() => void) | null = null;

  override connectedCallback(): void {
    super.connectedCallback();
    this.#refreshLocale();
    // A lang change anywhere, or a message table that finished loading: render again.
    this.#stopLang = onLangChange(() => {
      this.#refreshLocale();
      this.requestUpdate();
    });
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#stopLang?.();
    this.#stopLang = null;
  }

  override attributeChangedCallback(name: string, old: string | null, value: string | null): void {
    super.attributeChangedCallback(name, old, value);
    if (name === 'lang') this.#refreshLocale();
  }

  protected get messages(): Messages {
    return messagesFor(languageOf(this.locale));
  }

  #refreshLocale(): void {
    this.locale = intlLocale(inheritedLocale(this));
  }
}
