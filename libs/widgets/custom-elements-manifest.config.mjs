// `npx nx manifest widgets` (or `npx cem analyze --config libs/widgets/custom-elements-manifest.config.mjs`
// from the repository root): custom-elements.json from the widgets' JSDoc and Lit decorators. The
// base classes of libs/ui and parley-config of libs/engine-client are analysed too, so inherited
// attributes, events and parts appear on each widget.
export default {
  globs: ['libs/widgets/src/**/*.ts', 'libs/ui/src/data-element.ts', 'libs/ui/src/parley-element.ts', 'libs/engine-client/src/parley-config.ts'],
  exclude: ['**/*.test.ts', '**/testing/**', '**/*.styles.ts'],
  outdir: 'libs/widgets',
  litelement: true,
  dependencies: false,
  packagejson: false,
  plugins: [
    {
      // `dispatchEvent(new ParleyStateEvent(…))` is seen as an event without a name; the JSDoc
      // `@event` tags already name every event.
      name: 'parley-drop-unnamed-events',
      packageLinkPhase({ customElementsManifest }) {
        for (const module of customElementsManifest.modules ?? []) {
          for (const declaration of module.declarations ?? []) {
            if (declaration.events) declaration.events = declaration.events.filter((event) => event.name);
          }
        }
      },
    },
  ],
};
