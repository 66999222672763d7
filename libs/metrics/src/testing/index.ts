/** Test helpers of @parley/metrics, behind the `./testing` entry (style.md "Nx"). */
export { referenceSnapshot, type ReferenceReportArgs } from './reference/reference-snapshot.js';
export { evaluateExamplePath } from './example-paths.js';
export {
  arbitraryWorkspace,
  arbitraryReportArgs,
  arbitraryReportCase,
  type GeneratedWorkspace,
  type GeneratedReportArgs,
} from './arbitrary-workspace.js';
