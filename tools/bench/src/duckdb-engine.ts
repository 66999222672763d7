import type { Agg } from '@parley/model';
import type { DuckDBConnection, DuckDBPreparedStatement, DuckDBType, DuckDBValue, DuckDBVector } from '@duckdb/node-api';
import { BIGINT, DuckDBDataChunk, DuckDBInstance, UINTEGER, UTINYINT, VARCHAR } from '@duckdb/node-api';
import type { AllAnswer, GroupsAnswer, LeaderboardAnswer, LeaderboardGroup, ListRowAnswer, QueryAnswers } from './answers.js';
import { aggFromParts, codeKey, contactTypeKey, groupsFromPairs, heatmapFromCells, rankLeaderboard } from './answers.js';
import { listPageSize } from './bench-config.js';
import type { BenchEngine, QueryRunners } from './bench-engine.js';
import type { PeerData } from './peer-columns.js';
import type { QueryParameters } from './query-parameters.js';

// DuckDB (in-process, `SET threads=1`): the peer columns as two tables loaded through the
// appender in data chunks, each query one prepared SQL statement (prepared once, outside the
// timings). Nearest-rank quantiles are quantile_disc (DuckDB's `median` interpolates).

interface ColumnSpec {
  name: string;
  type: DuckDBType;
  sql: string;
  value: (index: number) => DuckDBValue | null;
}

const time = (values: Float64Array) => (i: number) => (values[i] === values[i] ? BigInt(values[i]) : null);
const code = (values: Uint32Array | Uint8Array) => (i: number) => values[i];

async function appendColumns(connection: DuckDBConnection, tableName: string, rowCount: number, columns: readonly ColumnSpec[]): Promise<void> {
  await connection.run(`CREATE TABLE ${tableName} (${columns.map((c) => `${c.name} ${c.sql}`).join(', ')})`);
  const appender = await connection.createAppender(tableName);
  const types = columns.map((c) => c.type);
  const chunkSize = 2048;
  for (let start = 0; start < rowCount; start += chunkSize) {
    const size = Math.min(chunkSize, rowCount - start);
    const chunk = DuckDBDataChunk.create(types, size);
    columns.forEach((column, j) => {
      const vector: DuckDBVector = chunk.getColumnVector(j);
      for (let i = 0; i < size; i++) vector.setItem(i, column.value(start + i));
      vector.flush();
    });
    appender.appendDataChunk(chunk);
  }
  appender.flushSync();
  appender.closeSync();
}

export interface DuckDBDatabase {
  instance: DuckDBInstance;
  connection: DuckDBConnection;
}

export async function loadDuckDB(data: PeerData): Promise<DuckDBDatabase> {
  const instance = await DuckDBInstance.create(':memory:', { threads: '1' });
  const connection = await instance.connect();
  await connection.run('SET threads=1');
  const c = data.conversations;
  const cell = (values: Uint8Array) => (i: number) => (values[i] === 255 ? null : values[i]);
  await appendColumns(connection, 'conversations', c.count, [
    { name: 'row', type: UINTEGER, sql: 'UINTEGER', value: code(c.row) },
    { name: 'id', type: VARCHAR, sql: 'VARCHAR', value: (i) => c.id[i] },
    { name: 'opened_at', type: BIGINT, sql: 'BIGINT', value: time(c.openedAt) },
    { name: 'closed_at', type: BIGINT, sql: 'BIGINT', value: time(c.closedAt) },
    { name: 'counted_closed', type: UTINYINT, sql: 'UTINYINT', value: code(c.countedClosed) },
    { name: 'contact_type', type: UTINYINT, sql: 'UTINYINT', value: code(c.contactType) },
    { name: 'opened_source', type: UINTEGER, sql: 'UINTEGER', value: code(c.openedSource) },
    { name: 'opened_channel', type: UINTEGER, sql: 'UINTEGER', value: code(c.openedChannel) },
    { name: 'category', type: UINTEGER, sql: 'UINTEGER', value: code(c.category) },
    { name: 'closed_source', type: UINTEGER, sql: 'UINTEGER', value: code(c.closedSource) },
    { name: 'closing_user', type: UINTEGER, sql: 'UINTEGER', value: code(c.closingUser) },
    { name: 'closed_by_team', type: UINTEGER, sql: 'UINTEGER', value: code(c.closedByTeam) },
    { name: 'first_response_at', type: BIGINT, sql: 'BIGINT', value: time(c.firstResponseAt) },
    { name: 'opened_cell', type: UTINYINT, sql: 'UTINYINT', value: cell(c.openedCell) },
    { name: 'closed_cell', type: UTINYINT, sql: 'UTINYINT', value: cell(c.closedCell) },
  ]);
  const r = data.responses;
  await appendColumns(connection, 'responses', r.count, [
    { name: 'conversation', type: UINTEGER, sql: 'UINTEGER', value: code(r.conversation) },
    { name: 'user_code', type: UINTEGER, sql: 'UINTEGER', value: code(r.user) },
    { name: 'since', type: BIGINT, sql: 'BIGINT', value: time(r.since) },
    { name: 'answered_at', type: BIGINT, sql: 'BIGINT', value: time(r.at) },
  ]);
  return { instance, connection };
}

const closedFilter = 'counted_closed = 1 AND closed_at >= $1 AND closed_at < $2';
const openedFilter = 'opened_at >= $1 AND opened_at < $2';
const aggColumns = (value: string) => `count(*) AS n, sum(${value}) AS total, quantile_disc(${value}, 0.5) AS median, quantile_disc(${value}, 0.9) AS p90`;

const statements = {
  heatmap: `SELECT opened_cell AS cell, count(*) AS n FROM conversations WHERE ${openedFilter} GROUP BY opened_cell`,
  openedGroups: `SELECT GROUPING(contact_type, opened_source, opened_channel) AS g, contact_type, opened_source, opened_channel, count(*) AS n
    FROM conversations WHERE ${openedFilter}
    GROUP BY GROUPING SETS ((contact_type), (opened_source), (opened_channel))`,
  closedGroups: `SELECT GROUPING(category, closed_source, contact_type) AS g, category, closed_source, contact_type, count(*) AS n
    FROM conversations WHERE ${closedFilter}
    GROUP BY GROUPING SETS ((category), (closed_source), (contact_type))`,
  frt: `SELECT ${aggColumns('frt')} FROM (
      SELECT first_response_at - opened_at AS frt FROM conversations
      WHERE ${closedFilter} AND opened_channel = $3 AND first_response_at IS NOT NULL)`,
  leaderboard: `WITH closed AS (
      SELECT row, closing_user, closed_by_team, closed_at - opened_at AS resolution FROM conversations WHERE ${closedFilter}
    ), timed AS (
      SELECT c.closing_user, c.closed_by_team, r.user_code, r.answered_at - r.since AS response_time
      FROM closed c JOIN responses r ON r.conversation = c.row
    )
    SELECT 'user' AS side, 'resolution' AS measure, closing_user AS code, ${aggColumns('resolution')}
      FROM closed WHERE closing_user <> 0 GROUP BY closing_user
    UNION ALL SELECT 'team', 'resolution', closed_by_team, ${aggColumns('resolution')}
      FROM closed WHERE closed_by_team <> 0 GROUP BY closed_by_team
    UNION ALL SELECT 'user', 'response', closing_user, ${aggColumns('response_time')}
      FROM timed WHERE closing_user <> 0 AND user_code = closing_user GROUP BY closing_user
    UNION ALL SELECT 'team', 'response', closed_by_team, ${aggColumns('response_time')}
      FROM timed WHERE closed_by_team <> 0 GROUP BY closed_by_team`,
  list: `SELECT id, closed_at, opened_at, category, closed_source, closed_by_team, contact_type, first_response_at
    FROM conversations WHERE ${closedFilter}
    ORDER BY closed_at DESC, id ASC LIMIT ${listPageSize}`,
} as const;

type StatementName = keyof typeof statements;
type Row = Record<string, unknown>;

const num = (value: unknown): number => Number(value);
const numOrNull = (value: unknown): number | null => (value === null || value === undefined ? null : Number(value));
const bigOrNull = (value: unknown): bigint | number | null => (typeof value === 'bigint' || typeof value === 'number' ? value : null);

function aggOf(row: Row | undefined): Agg {
  if (!row) return aggFromParts(0, null, null, null);
  return aggFromParts(num(row.n), bigOrNull(row.total), numOrNull(row.median), numOrNull(row.p90));
}

export async function duckdbQueries(database: DuckDBDatabase, data: PeerData, parameters: QueryParameters): Promise<{ queries: QueryRunners<'async'>; close: () => void }> {
  const prepared = new Map<StatementName, DuckDBPreparedStatement>();
  for (const name of Object.keys(statements) as StatementName[]) {
    const statement = await database.connection.prepare(statements[name]);
    const values: DuckDBValue[] = [BigInt(parameters.startMs), BigInt(parameters.endMs)];
    const types: DuckDBType[] = [BIGINT, BIGINT];
    if (name === 'frt') {
      values.push(parameters.channel.code);
      types.push(UINTEGER);
    }
    statement.bind(values, types);
    prepared.set(name, statement);
  }
  const rows = async (name: StatementName): Promise<Row[]> => {
    const reader = await (prepared.get(name) as DuckDBPreparedStatement).runAndReadAll();
    return reader.getRowObjectsJS() as Row[];
  };
  const d = data.dictionaries;

  const heatmap = async (): Promise<QueryAnswers['heatmap-opened']> => {
    const cells = new Float64Array(168);
    for (const row of await rows('heatmap')) cells[num(row.cell)] = num(row.n);
    return heatmapFromCells(cells);
  };
  const groups = async (): Promise<GroupsAnswer> => {
    const opened = await rows('openedGroups');
    const closed = await rows('closedGroups');
    // GROUPING(a, b, c): the bits of the columns *not* grouped by, a the highest.
    const pairs = (source: Row[], grouping: number, column: string, key: (code: number) => string | null) =>
      source.filter((row) => num(row.g) === grouping).map((row): [string | null, number] => [key(num(row[column])), num(row.n)]);
    return {
      openedByContactType: groupsFromPairs(pairs(opened, 0b011, 'contact_type', contactTypeKey)),
      openedBySource: groupsFromPairs(pairs(opened, 0b101, 'opened_source', codeKey(d.openedSources))),
      openedByChannel: groupsFromPairs(pairs(opened, 0b110, 'opened_channel', codeKey(d.channels))),
      closedByCategory: groupsFromPairs(pairs(closed, 0b011, 'category', codeKey(d.categories))),
      closedBySource: groupsFromPairs(pairs(closed, 0b101, 'closed_source', codeKey(d.closedSources))),
      closedByContactType: groupsFromPairs(pairs(closed, 0b110, 'contact_type', contactTypeKey)),
    };
  };
  const frt = async (): Promise<Agg> => {
    const [row] = await rows('frt');
    return num(row?.n ?? 0) === 0 ? aggFromParts(0, null, null, null) : aggOf(row);
  };
  const leaderboard = async (): Promise<LeaderboardAnswer> => {
    const result = await rows('leaderboard');
    const side = (name: 'user' | 'team'): LeaderboardGroup[] => {
      const response = new Map<number, Agg>();
      for (const row of result) if (row.side === name && row.measure === 'response') response.set(num(row.code), aggOf(row));
      return result
        .filter((row) => row.side === name && row.measure === 'resolution')
        .map((row) => ({ code: num(row.code), conversations: num(row.n), resolution: aggOf(row), response: response.get(num(row.code)) ?? aggOf(undefined) }));
    };
    return { byUser: rankLeaderboard(side('user'), d.users), byTeam: rankLeaderboard(side('team'), d.teams) };
  };
  const list = async (): Promise<ListRowAnswer[]> =>
    (await rows('list')).map((row) => ({
      conversationId: String(row.id),
      closedAt: numOrNull(row.closed_at),
      openedAt: num(row.opened_at),
      category: d.categories.key(num(row.category)),
      closedSource: d.closedSources.key(num(row.closed_source)),
      closedByTeamId: d.teams.key(num(row.closed_by_team)),
      contactType: contactTypeKey(num(row.contact_type)),
      firstResponseAt: numOrNull(row.first_response_at),
    }));

  const queries: QueryRunners<'async'> = {
    'heatmap-opened': heatmap,
    groups,
    'frt-filtered': frt,
    leaderboard,
    'list-page': list,
    all: async (): Promise<AllAnswer> => ({
      heatmap: await heatmap(),
      groups: await groups(),
      frt: await frt(),
      leaderboard: await leaderboard(),
      list: await list(),
    }),
  };
  return {
    queries,
    close: () => {
      for (const statement of prepared.values()) statement.destroySync();
    },
  };
}

export async function duckdbEngine(database: DuckDBDatabase, data: PeerData, parameters: QueryParameters): Promise<BenchEngine> {
  const { queries, close } = await duckdbQueries(database, data, parameters);
  return {
    name: 'duckdb',
    run: <Q extends keyof QueryAnswers>(query: Q) => queries[query]() as Promise<QueryAnswers[Q]>,
    close: () => {
      close();
      database.connection.closeSync();
      database.instance.closeSync();
    },
  };
}
