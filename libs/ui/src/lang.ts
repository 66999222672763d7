// The language an element speaks: its own `lang`, else the nearest ancestor's (across shadow roots),
// else the page's, else the browser's. Elements re-render when any `lang` on the page changes.

export const languages = ['en', 'fr', 'zh'] as const;
export type Language = (typeof languages)[number];

/** The BCP 47 tag in force for `element` (e.g. `fr-CA`), for Intl. */
export function inheritedLocale(element: Element): string {
  let node: Node | null = element;
  while (node) {
    if (node instanceof Element) {
      const lang = node.getAttribute('lang');
      if (lang) return lang;
    }
    node = node instanceof ShadowRoot ? node.host : node.parentNode;
  }
  return navigator.language || 'en';
}

/** The message table for a locale: its base language when we have it, else English. */
export function languageOf(locale: string): Language {
  const base = locale.toLowerCase().split('-')[0];
  return (languages as readonly string[]).includes(base) ? (base as Language) : 'en';
}

/** Intl accepts the tag as given when valid; an invalid one falls back to English. */
export function intlLocale(locale: string): string {
  try {
    return Intl.getCanonicalLocales(locale)[0] ?? 'en';
  } catch {
    return 'en';
  }
}

const listeners = new Set<() => void>();
let observer: MutationObserver | null = null;

/** Tells every element to re-read its language (a message table finished loading). */
export function notifyLangChange(): void {
  listeners.forEach((notify) => notify());
}

/** Calls `listener` whenever a `lang` attribute changes anywhere in the document; returns the stop function. */
export function onLangChange(listener: () => void): () => void {
  listeners.add(listener);
  if (!observer) {
    observer = new MutationObserver(() => listeners.forEach((notify) => notify()));
    observer.observe(document.documentElement, { attributes: true, attributeFilter: ['lang'], subtree: true });
  }
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0) {
      observer?.disconnect();
      observer = null;
    }
  };
}
