/** A query's identity: its JSON with object keys sorted, so key order never splits two equal queries. */
export function queryKey(query: unknown): string {
  return JSON.stringify(query, (_key, value: unknown) => (isPlainObject(value) ? sortedKeys(value) : value));
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function sortedKeys(value: Record<string, unknown>): Record<string, unknown> {
  const sorted: Record<string, unknown> = {};
  for (const key of Object.keys(value).sort()) sorted[key] = value[key];
  return sorted;
}
