/** The id of a generated workspace; elements.md: each demo has its own cache, keyed by this id. */
export function demoWorkspaceId(seed: number, conversations: number, endDate: string): string {
  return `demo-${seed}-${conversations}-${endDate}`;
}
