// What the bench pages hand back to Node (JSON through puppeteer). Times are page-side
// performance.now() differences in ms; hashes are SHA-256 of canonicalAnswerJson.

export interface AnswerDigest {
  /** Section (cold start) or widget name (roundtrip). */
  name: string;
  hash: string;
  /** The committed data version the answer was computed on. */
  version: number;
}

export interface ColdStartSample {
  /** Navigation start → the page script's first line. */
  navigationToScriptMs: number;
  /** Worker spawn → its first answer (protocol and id known). */
  workerBootMs: number;
  /** Parley.configure: opens the source database and reads the committed tables' core parts. */
  configureMs: number;
  /** Every query sent → every answer back. */
  queriesMs: number;
  /** Worker spawn → every answer back: the cold start. */
  totalMs: number;
  /** Navigation start → every answer back. */
  navigationToAnswersMs: number;
  /** Sync phase once the answers are back (the cold-start source's sync cannot succeed). */
  syncPhase: string;
  answers: AnswerDigest[];
  /** Only on the probe load (`?probe=1`): what the first sync round does after the answers. */
  settle: SyncSettleSample | null;
}

/**
 * The sync round configure starts goes on after the cold-start answers: it restores the stored
 * builder state, then its first request is refused (401). Overview queries are sent one after
 * another (25 ms apart) meanwhile.
 */
export interface SyncSettleSample {
  /** Worker spawn → the round settled (phase no longer syncing/idle). */
  settledMs: number;
  phase: string;
  probes: number;
  /** The slowest probe: how long a widget's query waited behind the round. */
  probeMaxMs: number;
  probeMedianMs: number;
}

export interface PerRowColdStartSample {
  workerBootMs: number;
  /** Opening the database and reading every row object (getAll). */
  readMs: number;
  /** Building the columns the queries need, and the closed index. */
  buildMs: number;
  /** Answering the queries (same metrics functions as the engine). */
  queriesMs: number;
  /** Worker spawn → every answer back. */
  totalMs: number;
  rows: number;
  answers: AnswerDigest[];
}

export interface ColumnRead {
  /** `conversations.openedAt`, `dictionaries.contacts`, … */
  name: string;
  chunks: number;
  /** Typed bytes, or characters of the JSON text of a string column. */
  bytes: number;
  /** A string column (ids, dictionary, names) stored as JSON text. */
  json: boolean;
  ms: number;
}

/** The engine's cold-start reads replayed step by step with the real store (in a page). */
export interface StoreReadSample {
  /** IndexedDbStore.open + readHead. */
  openMs: number;
  /** readTables of the engine's core parts, all at once (what a cold start reads). */
  coreMs: number;
  /** tablesFromColumnSet over them (dictionaries rebuilt, contact names mapped). */
  tablesMs: number;
  /** skippedCount + recentSkipped (the engine reads both on open). */
  skippedMs: number;
  /** Each core part alone (readPart). */
  partMs: Record<string, number>;
  /** Bytes of the typed columns read per part. */
  partBytes: Record<string, number>;
  /** Each column and string array of the core parts read alone (chunks + joinChunks), one after the other. */
  columns: ColumnRead[];
  /** Only the columns and dictionaries the cold-start queries read, in one transaction (a per-column lazy load). */
  neededMs: number;
  needed: string[];
  /** What a sync round's #restoreBuilder does first: readProgress + readBuilder (every builder column and string array). */
  builderReadMs: number;
  /** Then TableBuilder.fromState (id maps, dictionaries). */
  builderRestoreMs: number;
  /** Typed bytes + string characters of the builder state read. */
  builderBytes: number;
}

export interface SetupSample {
  /**
   * `cache`: the Node bench's encoded tables fetched and decoded, committed with an empty builder
   * state; `generated`: the workspace generated in the page into a TableBuilder (as a sync fills
   * it), committed with its finished tables and its real builder state.
   */
  source: 'cache' | 'generated';
  /** Fetch + decodeTables, or generation + builder + finish. */
  prepareMs: number;
  /** IndexedDbStore.commit (or the per-row objects' transaction). */
  writeMs: number;
  /** Values written (chunks of tables and builder state, or row objects). */
  values: number;
}

export interface RoundtripPlan {
  /** Opened channels cycled through: run i filters on channels[i % channels.length]. */
  channels: string[];
  runs: number;
  /** Runs per widget before timing (unfiltered and filtered): derived caches get built here. */
  warmupRuns: number;
}

export interface RoundtripSeries {
  name: string;
  samplesMs: number[];
  /** Digest of the answer per filter value (channel id). */
  digests: Record<string, string>;
}

export interface RoundtripSample {
  /** The page's cold start, then waiting for its first sync round to settle before any timed run. */
  settledMs: number;
  widgets: RoundtripSeries[];
  /** Every dashboard widget's query at once, per filter change. */
  all: RoundtripSeries;
  /** Channels cycled through, one per run. */
  channels: string[];
}

export interface IngestSample {
  /** configure → sync done (sync), or importFiles called → resolved (import); worker boot excluded. */
  totalMs: number;
  /** IndexedDbStore.commit: column set, chunks, one Dexie transaction (the cache write). */
  commitMs: number;
  /** IndexedDbStore.checkpoint calls during the round (builder state saved mid-round). */
  checkpointMs: number;
  checkpoints: number;
  /** TableBuilder.finish: derived tables (sort, facts, indexes). */
  finishMs: number;
  /** Sync only: response bodies read (Response.text inside json()). */
  downloadMs: number;
  /** Sync only: JSON.parse of the bodies. */
  parseMs: number;
  requests: number;
  bodyBytes: number;
  /** Records loaded, by collection (all collections counted in rows/s). */
  loaded: Record<string, number>;
  phase: string;
  error: string | null;
  /** The overview answered by the engine after the ingest (checked in Node). */
  overview: AnswerDigest;
}
