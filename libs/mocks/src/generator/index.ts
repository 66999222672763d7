export { generateWorkspace, generateWorkspaceFile } from './generate-workspace.js';
export { demoWorkspaceId } from './demo-workspace-id.js';
export type { GenerateOptions, WorkspaceSink } from './generate-options.js';
export { defaultMessagesPerConversation, defaultTimeZone, windowDays } from './generate-options.js';
