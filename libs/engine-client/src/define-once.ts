/**
 * Defines a custom element unless the tag is taken — by this bundle or another one on the page —
 * and returns the constructor that owns the tag. Never throws for a tag defined elsewhere.
 */
export function defineOnce(tag: string, constructor: CustomElementConstructor): CustomElementConstructor {
  const existing = customElements.get(tag);
  if (existing) return existing;
  customElements.define(tag, constructor);
  return constructor;
}
