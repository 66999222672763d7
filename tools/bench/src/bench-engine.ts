import type { EngineName, QueryName } from './bench-config.js';
import type { QueryAnswers } from './answers.js';

/** One engine answering the bench queries over data it was loaded with. */
export interface BenchEngine {
  readonly name: EngineName;
  /** Synchronous engines return the answer itself, so no promise tick is timed. */
  run<Q extends QueryName>(query: Q): QueryAnswers[Q] | Promise<QueryAnswers[Q]>;
  close(): void;
}

export type QueryRunners<R> = { [Q in QueryName]: () => R extends 'sync' ? QueryAnswers[Q] : Promise<QueryAnswers[Q]> };
