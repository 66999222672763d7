// DST nights: local buckets, period bounds and durations across the clock change (metrics.md "Time",
// snapshot.md §1, §3, D6, D34). Every local time below was worked out from the zone rules:
// Europe/Paris  CET = UTC+1, CEST = UTC+2; 2024-03-31 01:00Z 02:00 CET -> 03:00 CEST; 2024-10-27 01:00Z 03:00 CEST -> 02:00 CET.
// America/New_York  EST = UTC-5, EDT = UTC-4; 2024-03-10 07:00Z 02:00 EST -> 03:00 EDT; 2024-11-03 06:00Z 02:00 EDT -> 01:00 EST.
// All four nights are Sundays (weekday index 6); the days after are Mondays (index 0).

import { describe, expect, it } from 'vitest';
import { snapshotOfWorkspace } from '../index.js';
import { args, conversation, heatmap, hours, once, workspace, type SnapshotOfWorkspace } from './workspace-builder.js';

const report: SnapshotOfWorkspace = snapshotOfWorkspace;

describe('Europe/Paris spring forward, Sunday 2024-03-31', () => {
  const ws = workspace({
    timeZone: 'Europe/Paris',
    conversations: [
      // Saturday 23:59:59.999 CET: the day before.
      conversation('sp0', { openedAt: '2024-03-30T22:59:59.999Z' }),
      // 00:00 CET, hour 0 (first instant of the day); closed 00:30Z = 01:30 CET, hour 1.
      conversation('sp1', { openedAt: '2024-03-30T23:00:00Z', closedAt: '2024-03-31T00:30:00Z' }),
      // 00:30Z = 01:30 CET, hour 1; closed 01:30Z = 03:30 CEST, hour 3 (wall clock shows 2 h, elapsed 1 h).
      conversation('sp2', { openedAt: '2024-03-31T00:30:00Z', closedAt: '2024-03-31T01:30:00Z' }),
      // 01:00Z = 03:00 CEST, hour 3: the first instant after the gap.
      conversation('sp3', { openedAt: '2024-03-31T01:00:00Z' }),
      // 21:59:59.999Z = 23:59:59.999 CEST, hour 23; closed exactly at the end (Monday 00:00 CEST) -> not closed in the period.
      conversation('sp4', { openedAt: '2024-03-31T21:59:59.999Z', closedAt: '2024-03-31T22:00:00Z' }),
      // 22:00Z = Monday 00:00 CEST: the end instant, out.
      conversation('sp5', { openedAt: '2024-03-31T22:00:00Z' }),
    ],
  });
  const snapshot = once(() => report(ws, args('2024-03-31', '2024-03-31', 'Europe/Paris')));

  it('a 23-hour day runs from local midnight CET to the next local midnight CEST', () => {
    // start: 2024-03-31 00:00 CET = 2024-03-30T23:00Z = 1711839600000
    // end:   2024-04-01 00:00 CEST = 2024-03-31T22:00Z = 1711922400000; end - start = 82,800,000 = 23 h
    expect(snapshot().period).toStrictEqual({
      from: '2024-03-31',
      to: '2024-03-31',
      timeZone: 'Europe/Paris',
      startMs: 1711839600000,
      endMs: 1711922400000,
    });
  });

  it('the missing hour 02:00 stays empty and the hours around it are filled', () => {
    // opened in the period: sp1 h0, sp2 h1, sp3 h3, sp4 h23 (sp0 and sp5 out) -> Sunday row
    expect(snapshot().conversations.openedHeatmap).toStrictEqual(
      heatmap([
        [6, 0, 1],
        [6, 1, 1],
        [6, 3, 1],
        [6, 23, 1],
      ]),
    );
    expect(snapshot().conversations.overview).toStrictEqual({ opened: 4, closed: 2 });
  });

  it('closed heatmap cells use the local hour of closedAt (01:30 CET -> 1, 03:30 CEST -> 3)', () => {
    // sp1 closed 01:30 CET (h1), sp2 closed 03:30 CEST (h3); sp4 closed at the end instant -> out
    expect(snapshot().conversations.closedHeatmap).toStrictEqual(
      heatmap([
        [6, 1, 1],
        [6, 3, 1],
      ]),
    );
  });

  it('resolution time is elapsed time, not wall-clock difference, across the gap', () => {
    // list: closedAt desc -> sp2 (01:30Z), sp1 (00:30Z)
    // sp2: 01:30Z - 00:30Z = 3,600,000 (wall clock 01:30 -> 03:30 would say 2 h)
    // sp1: 00:30Z - 23:00Z (previous UTC day) = 1 h 30 min = 5,400,000
    expect(snapshot().conversations.list.map((row) => [row.conversationId, row.resolutionTimeMs])).toStrictEqual([
      ['sp2', 3600000],
      ['sp1', 5400000],
    ]);
  });

  it('openedVsClosed has one entry for the 23-hour day', () => {
    expect(snapshot().conversations.openedVsClosed).toStrictEqual([{ date: '2024-03-31', opened: 4, closed: 2 }]);
  });
});

describe('Europe/Paris fall back, Sunday 2024-10-27', () => {
  const ws = workspace({
    timeZone: 'Europe/Paris',
    conversations: [
      // Saturday 2024-10-26 23:59:59.999 CEST; closed Monday 2024-10-28 23:59:59.999 CET (22:59:59.999Z).
      conversation('fb1', { openedAt: '2024-10-26T21:59:59.999Z', closedAt: '2024-10-28T22:59:59.999Z' }),
      // Sunday 00:00 CEST (hour 0); closed 2024-10-27T22:59:59.999Z = 23:59:59.999 CET (hour 23).
      conversation('fb2', { openedAt: '2024-10-26T22:00:00Z', closedAt: '2024-10-27T22:59:59.999Z' }),
      // 00:45Z = 02:45 CEST (first pass of hour 2); closed 01:15Z = 02:15 CET (second pass of hour 2).
      conversation('fb3', { openedAt: '2024-10-27T00:45:00Z', closedAt: '2024-10-27T01:15:00Z' }),
      // 01:05Z = 02:05 CET (second pass of hour 2); closed 01:50Z = 02:50 CET (hour 2).
      conversation('fb4', { openedAt: '2024-10-27T01:05:00Z', closedAt: '2024-10-27T01:50:00Z' }),
      // 22:30Z = 23:30 CET Sunday (a fixed +02:00 offset would wrongly say Monday 00:30).
      conversation('fb5', { openedAt: '2024-10-27T22:30:00Z' }),
      // 23:00Z = Monday 2024-10-28 00:00 CET; closed Tuesday 00:00 CET (2024-10-28T23:00Z).
      conversation('fb6', { openedAt: '2024-10-27T23:00:00Z', closedAt: '2024-10-28T23:00:00Z' }),
    ],
  });

  describe('the single day', () => {
    const snapshot = once(() => report(ws, args('2024-10-27', '2024-10-27', 'Europe/Paris')));

    it('a 25-hour day runs from local midnight CEST to the next local midnight CET', () => {
      // start: 2024-10-27 00:00 CEST = 2024-10-26T22:00Z = 1729980000000
      // end:   2024-10-28 00:00 CET  = 2024-10-27T23:00Z = 1730070000000; end - start = 90,000,000 = 25 h
      expect(snapshot().period.startMs).toBe(1729980000000);
      expect(snapshot().period.endMs).toBe(1730070000000);
    });

    it('the repeated hour 02:00 counts twice into the same cell', () => {
      // opened: fb2 h0, fb3 h2 (CEST pass), fb4 h2 (CET pass), fb5 h23 -> [6][2] = 2
      expect(snapshot().conversations.openedHeatmap).toStrictEqual(
        heatmap([
          [6, 0, 1],
          [6, 2, 2],
          [6, 23, 1],
        ]),
      );
      // closed in period: fb3 02:15 CET (h2), fb4 02:50 CET (h2), fb2 23:59:59.999 CET (h23)
      expect(snapshot().conversations.closedHeatmap).toStrictEqual(
        heatmap([
          [6, 2, 2],
          [6, 23, 1],
        ]),
      );
      expect(snapshot().conversations.overview).toStrictEqual({ opened: 4, closed: 3 });
    });

    it('resolution times are elapsed time even when the wall clock goes backwards', () => {
      // list by closedAt desc: fb2 (22:59:59.999Z), fb4 (01:50Z), fb3 (01:15Z)
      // fb2: 2024-10-27T22:59:59.999Z - 2024-10-26T22:00Z = 24 h 59 min 59.999 s = 25*3,600,000 - 1 = 89,999,999
      // fb4: 01:50Z - 01:05Z = 45 min = 2,700,000
      // fb3: 01:15Z - 00:45Z = 30 min = 1,800,000 (wall clock 02:45 -> 02:15 goes backwards)
      expect(snapshot().conversations.list.map((row) => [row.conversationId, row.resolutionTimeMs])).toStrictEqual([
        ['fb2', 89999999],
        ['fb4', 2700000],
        ['fb3', 1800000],
      ]);
      // Agg over [1,800,000, 2,700,000, 89,999,999]: sum 94,499,999 / 3 = 31,499,999.67 -> 31,500,000;
      // median rank ceil(1.5) = 2 -> 2,700,000; p90 rank ceil(2.7) = 3 -> 89,999,999
      expect(snapshot().conversations.durations.resolutionTime).toStrictEqual({
        count: 3,
        meanMs: 31500000,
        medianMs: 2700000,
        p90Ms: 89999999,
      });
    });
  });

  describe('three days around the night', () => {
    const snapshot = once(() => report(ws, args('2024-10-26', '2024-10-28', 'Europe/Paris')));

    it('the period spans 24 + 25 + 24 hours from 10-26 00:00 CEST to 10-29 00:00 CET', () => {
      // start: 2024-10-26 00:00 CEST = 2024-10-25T22:00Z = 1729893600000
      // end:   2024-10-29 00:00 CET  = 2024-10-28T23:00Z = 1730156400000 (difference 73 h = 262,800,000)
      expect(snapshot().period.startMs).toBe(1729893600000);
      expect(snapshot().period.endMs).toBe(1730156400000);
    });

    it('openedVsClosed puts each instant on its local date', () => {
      // opened: fb1 10-26 (23:59:59.999 CEST); fb2, fb3, fb4, fb5 10-27; fb6 10-28 (00:00 CET)
      // closed: fb3, fb4, fb2 on 10-27; fb1 10-28 (23:59:59.999 CET); fb6 closes 10-29 00:00 -> out
      expect(snapshot().conversations.openedVsClosed).toStrictEqual([
        { date: '2024-10-26', opened: 1, closed: 0 },
        { date: '2024-10-27', opened: 4, closed: 3 },
        { date: '2024-10-28', opened: 1, closed: 1 },
      ]);
    });

    it('heatmaps over several days add the days into weekday x hour cells', () => {
      // opened: fb1 Saturday (5) h23; fb2 Sun h0; fb3, fb4 Sun h2; fb5 Sun h23; fb6 Monday (0) h0
      expect(snapshot().conversations.openedHeatmap).toStrictEqual(
        heatmap([
          [5, 23, 1],
          [6, 0, 1],
          [6, 2, 2],
          [6, 23, 1],
          [0, 0, 1],
        ]),
      );
      // closed: fb3, fb4 Sun h2; fb2 Sun h23; fb1 Monday h23 (23:59:59.999 CET)
      expect(snapshot().conversations.closedHeatmap).toStrictEqual(
        heatmap([
          [6, 2, 2],
          [6, 23, 1],
          [0, 23, 1],
        ]),
      );
    });
  });
});

describe('America/New_York spring forward, Sunday 2024-03-10', () => {
  const ws = workspace({
    timeZone: 'America/New_York',
    conversations: [
      // 04:59:59.999Z = Saturday 23:59:59.999 EST: out.
      conversation('ny1', { openedAt: '2024-03-10T04:59:59.999Z' }),
      // 05:00Z = Sunday 00:00 EST, hour 0.
      conversation('ny2', { openedAt: '2024-03-10T05:00:00Z' }),
      // 06:30Z = 01:30 EST, hour 1; closed 07:30Z = 03:30 EDT, hour 3 (elapsed 1 h, wall clock 2 h).
      conversation('ny3', { openedAt: '2024-03-10T06:30:00Z', closedAt: '2024-03-10T07:30:00Z' }),
      // 07:00Z = 03:00 EDT, hour 3.
      conversation('ny4', { openedAt: '2024-03-10T07:00:00Z' }),
      // 2024-03-11T03:59:59.999Z = Sunday 23:59:59.999 EDT, hour 23: in.
      conversation('ny5', { openedAt: '2024-03-11T03:59:59.999Z' }),
      // 2024-03-11T04:00Z = Monday 00:00 EDT: the end instant (a fixed EST offset would say Sunday 23:00).
      conversation('ny6', { openedAt: '2024-03-11T04:00:00Z' }),
    ],
  });
  const snapshot = once(() => report(ws, args('2024-03-10', '2024-03-10', 'America/New_York')));

  it('a 23-hour day from 00:00 EST (05:00Z) to 00:00 EDT (04:00Z next day)', () => {
    // 2024-03-10T05:00Z = 1710046800000; 2024-03-11T04:00Z = 1710129600000 (82,800,000 = 23 h)
    expect(snapshot().period.startMs).toBe(1710046800000);
    expect(snapshot().period.endMs).toBe(1710129600000);
  });

  it('the missing hour 02:00 is empty; hours 0, 1, 3 and 23 hold the conversations', () => {
    expect(snapshot().conversations.openedHeatmap).toStrictEqual(
      heatmap([
        [6, 0, 1],
        [6, 1, 1],
        [6, 3, 1],
        [6, 23, 1],
      ]),
    );
    // ny3 closed 03:30 EDT -> hour 3
    expect(snapshot().conversations.closedHeatmap).toStrictEqual(heatmap([[6, 3, 1]]));
    expect(snapshot().conversations.overview).toStrictEqual({ opened: 4, closed: 1 });
  });

  it('resolution across the gap is the elapsed hour', () => {
    // ny3: 07:30Z - 06:30Z = 3,600,000
    expect(snapshot().conversations.list.map((row) => row.resolutionTimeMs)).toStrictEqual([3600000]);
  });
});

describe('America/New_York fall back, Sunday 2024-11-03', () => {
  const ws = workspace({
    timeZone: 'America/New_York',
    conversations: [
      // 03:59:59.999Z = Saturday 2024-11-02 23:59:59.999 EDT.
      conversation('nf1', { openedAt: '2024-11-03T03:59:59.999Z' }),
      // 05:30Z = 01:30 EDT (first pass of hour 1); closed 06:10Z = 01:10 EST (second pass of hour 1).
      conversation('nf2', { openedAt: '2024-11-03T05:30:00Z', closedAt: '2024-11-03T06:10:00Z' }),
      // 06:30Z = 01:30 EST (second pass of hour 1); closed 07:30Z = 02:30 EST (hour 2).
      conversation('nf3', { openedAt: '2024-11-03T06:30:00Z', closedAt: '2024-11-03T07:30:00Z' }),
      // 2024-11-04T04:00Z = Sunday 23:00 EST (a fixed EDT offset would say Monday 00:00).
      conversation('nf4', { openedAt: '2024-11-04T04:00:00Z' }),
      // 2024-11-04T05:00Z = Monday 00:00 EST: the end instant of a one-day period.
      conversation('nf5', { openedAt: '2024-11-04T05:00:00Z' }),
    ],
  });

  describe('the single day', () => {
    const snapshot = once(() => report(ws, args('2024-11-03', '2024-11-03', 'America/New_York')));

    it('a 25-hour day from 00:00 EDT (04:00Z) to 00:00 EST (05:00Z next day)', () => {
      // 2024-11-03T04:00Z = 1730606400000; 2024-11-04T05:00Z = 1730696400000 (90,000,000 = 25 h)
      expect(snapshot().period.startMs).toBe(1730606400000);
      expect(snapshot().period.endMs).toBe(1730696400000);
    });

    it('both passes of 01:00 land in cell [6][1]', () => {
      // opened: nf2 h1 (EDT), nf3 h1 (EST), nf4 h23 -> 3
      expect(snapshot().conversations.openedHeatmap).toStrictEqual(
        heatmap([
          [6, 1, 2],
          [6, 23, 1],
        ]),
      );
      // closed: nf2 01:10 EST (h1), nf3 02:30 EST (h2)
      expect(snapshot().conversations.closedHeatmap).toStrictEqual(
        heatmap([
          [6, 1, 1],
          [6, 2, 1],
        ]),
      );
      expect((snapshot().conversations.openedHeatmap as number[][])[6]).toStrictEqual(
        hours([
          [1, 2],
          [23, 1],
        ]),
      );
    });

    it('resolution times across the repeated hour are elapsed times', () => {
      // list by closedAt desc: nf3 (07:30Z), nf2 (06:10Z)
      // nf3: 07:30Z - 06:30Z = 3,600,000; nf2: 06:10Z - 05:30Z = 40 min = 2,400,000 (wall clock 01:30 -> 01:10)
      expect(snapshot().conversations.list.map((row) => [row.conversationId, row.resolutionTimeMs])).toStrictEqual([
        ['nf3', 3600000],
        ['nf2', 2400000],
      ]);
      // Agg [2,400,000, 3,600,000]: mean 3,000,000; median rank 1 -> 2,400,000; p90 rank ceil(1.8) = 2 -> 3,600,000
      expect(snapshot().conversations.durations.resolutionTime).toStrictEqual({
        count: 2,
        meanMs: 3000000,
        medianMs: 2400000,
        p90Ms: 3600000,
      });
    });
  });

  it('openedVsClosed over 11-02..11-04 puts each instant on its local date', () => {
    const snapshot = once(() => report(ws, args('2024-11-02', '2024-11-04', 'America/New_York')));
    // start 2024-11-02 00:00 EDT = 2024-11-02T04:00Z = 1730520000000; end 2024-11-05 00:00 EST = 05:00Z = 1730782800000
    expect(snapshot().period.startMs).toBe(1730520000000);
    expect(snapshot().period.endMs).toBe(1730782800000);
    // opened: nf1 11-02; nf2, nf3, nf4 11-03 (nf4 at 23:00 EST); nf5 11-04. closed: nf2, nf3 on 11-03.
    expect(snapshot().conversations.openedVsClosed).toStrictEqual([
      { date: '2024-11-02', opened: 1, closed: 0 },
      { date: '2024-11-03', opened: 3, closed: 2 },
      { date: '2024-11-04', opened: 1, closed: 0 },
    ]);
  });
});

describe('America/Santiago, a DST gap at midnight (Sunday 2024-09-08)', () => {
  // Chile: 2024-09-08 00:00 CLT (UTC-4, = 04:00Z) jumps to 01:00 CLST (UTC-3). The date has no 00:00.
  const ws = workspace({
    timeZone: 'America/Santiago',
    conversations: [
      // 03:59:59.999Z = Saturday 23:59:59.999 -04: previous date.
      conversation('cl1', { openedAt: '2024-09-08T03:59:59.999Z' }),
      // 04:00Z = Sunday 01:00 -03: the first instant of 2024-09-08, hour 1.
      conversation('cl2', { openedAt: '2024-09-08T04:00:00Z' }),
      // 2024-09-09T02:59:59.999Z = Sunday 23:59:59.999 -03.
      conversation('cl3', { openedAt: '2024-09-09T02:59:59.999Z' }),
    ],
  });

  it('the period starts at the end of the gap (D6) and the day lasts 23 hours', () => {
    const snapshot = once(() => report(ws, args('2024-09-08', '2024-09-08', 'America/Santiago')));
    // start = 2024-09-08T04:00Z = 1725768000000; end = 2024-09-09 00:00 -03 = 2024-09-09T03:00Z = 1725850800000
    expect(snapshot().period.startMs).toBe(1725768000000);
    expect(snapshot().period.endMs).toBe(1725850800000);
    // cl2 at 01:00 (h1), cl3 at 23:59:59.999 (h23); hour 0 does not exist that day
    expect(snapshot().conversations.openedHeatmap).toStrictEqual(
      heatmap([
        [6, 1, 1],
        [6, 23, 1],
      ]),
    );
  });

  it('the day before ends where the gap day starts', () => {
    const snapshot = once(() => report(ws, args('2024-09-07', '2024-09-07', 'America/Santiago')));
    // start = 2024-09-07 00:00 -04 = 2024-09-07T04:00Z = 1725681600000; end = 1725768000000 (24 h)
    expect(snapshot().period.startMs).toBe(1725681600000);
    expect(snapshot().period.endMs).toBe(1725768000000);
    // cl1 at Saturday (5) 23:59:59.999 -> h23
    expect(snapshot().conversations.openedHeatmap).toStrictEqual(heatmap([[5, 23, 1]]));
  });
});
