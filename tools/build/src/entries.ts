import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

/** One bundle of `dist/widgets/`: `{name}.js` built from `source` (relative to the repository root). */
export interface WidgetEntry {
  name: string;
  source: string;
}

/** Where the widget entries live: `libs/widgets/src/<folder>/parley-<name>.ts`. */
export const widgetsSourceDir = 'libs/widgets/src';

/**
 * The engine client as a module of its own (`parley.js`), so a host page can
 * `import { Parley } from '…/widgets/parley.js'` (`Parley.configure`, `purge`) next to the widgets'
 * script tags; it shares its chunks with them.
 */
export const clientEntry: WidgetEntry = { name: 'parley', source: 'libs/engine-client/src/index.ts' };

/** A widget entry's file name: `parley-<name>.ts`, no second dot (not `.test.ts`, `.styles.ts`). */
const entryFile = /^parley-[a-z0-9]+(?:-[a-z0-9]+)*\.ts$/;

/**
 * Every bundle to build, found anew each time so a new widget folder is picked up: the engine
 * client, then every `libs/widgets/src/<folder>/parley-<name>.ts` in name order.
 */
export function widgetEntries(root: string): WidgetEntry[] {
  const dir = join(root, widgetsSourceDir);
  const widgets: WidgetEntry[] = [];
  if (existsSync(dir)) {
    for (const folder of readdirSync(dir, { withFileTypes: true })) {
      if (!folder.isDirectory()) continue;
      for (const file of readdirSync(join(dir, folder.name), { withFileTypes: true })) {
        if (file.isFile() && entryFile.test(file.name)) {
          widgets.push({ name: file.name.slice(0, -'.ts'.length), source: `${widgetsSourceDir}/${folder.name}/${file.name}` });
        }
      }
    }
  }
  widgets.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const names = new Set<string>();
  for (const widget of widgets) {
    if (names.has(widget.name)) throw new Error(`two widget entries named ${widget.name}: ${widgets.filter((w) => w.name === widget.name).map((w) => w.source).join(', ')}`);
    names.add(widget.name);
  }
  return [clientEntry, ...widgets];
}
