// The `/faults/{list}` segment: a comma list of faults the demo API injects, deterministically, so
// a test can count them and a correct client always gets through.

/** Failures that answer the first requests of each (collection, cursor), in this order, then no more. */
export const transientFaults = ['429', '500', '503', 'drop'] as const;
export type TransientFault = (typeof transientFaults)[number];

export const faultNames = ['401', ...transientFaults, 'slow', 'malformed'] as const;
export type FaultName = (typeof faultNames)[number];

/** Values used when the list names a fault without its parameter. */
export interface FaultDefaults {
  /** `Retry-After` of 429 and 503 answers, seconds. */
  retryAfterSeconds: number;
  /** Delay of every answer under `slow`, ms. */
  slowMs: number;
  /** Under `malformed`, every Nth generated record of a collection is served invalid. */
  malformedEvery: number;
}

export interface FaultSettings {
  /** `401`: data requests without the accepted `Authorization` header answer 401. */
  readonly authRequired: boolean;
  /** The transient faults on, in the order the attempts of a page meet them. */
  readonly transient: readonly TransientFault[];
  readonly retryAfterSeconds: number;
  /** 0 when `slow` is off. */
  readonly slowMs: number;
  /** 0 when `malformed` is off. */
  readonly malformedEvery: number;
  /** The list as given, for stats. */
  readonly list: string;
}

export const noFaults: FaultSettings = { authRequired: false, transient: [], retryAfterSeconds: 0, slowMs: 0, malformedEvery: 0, list: '' };

export class FaultListError extends Error {
  override name = 'FaultListError';
}

/**
 * Reads a fault list: `401`, `429`, `500`, `503`, `drop`, `slow` or `slow=MS`, `malformed` or
 * `malformed=N`, and `retry-after=S` (the Retry-After of 429/503). Throws a FaultListError.
 */
export function parseFaults(list: string, defaults: FaultDefaults): FaultSettings {
  const on = new Set<FaultName>();
  let { retryAfterSeconds, slowMs, malformedEvery } = defaults;
  for (const token of list.split(',')) {
    const item = token.trim();
    if (item === '') continue;
    const equals = item.indexOf('=');
    const name = equals < 0 ? item : item.slice(0, equals);
    const value = equals < 0 ? undefined : item.slice(equals + 1);
    if (name === 'retry-after') {
      retryAfterSeconds = wholeNumber(item, value, 0);
      continue;
    }
    if (!(faultNames as readonly string[]).includes(name)) {
      throw new FaultListError(`unknown fault "${item}"; known: ${faultNames.join(', ')}, slow=MS, malformed=N, retry-after=S`);
    }
    const fault = name as FaultName;
    if (value !== undefined) {
      if (fault === 'slow') slowMs = wholeNumber(item, value, 0);
      else if (fault === 'malformed') malformedEvery = wholeNumber(item, value, 1);
      else throw new FaultListError(`fault "${name}" takes no value (got "${item}")`);
    }
    on.add(fault);
  }
  return {
    authRequired: on.has('401'),
    transient: transientFaults.filter((fault) => on.has(fault)),
    retryAfterSeconds,
    slowMs: on.has('slow') ? slowMs : 0,
    malformedEvery: on.has('malformed') ? malformedEvery : 0,
    list,
  };
}

function wholeNumber(item: string, value: string | undefined, minimum: number): number {
  const number = value !== undefined && /^\d+$/.test(value) ? Number(value) : Number.NaN;
  if (!(Number.isSafeInteger(number) && number >= minimum)) throw new FaultListError(`"${item}" needs a whole number ≥ ${minimum}`);
  return number;
}
