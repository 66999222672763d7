import type { SizeResult } from './size-run.js';

// The targets of the engine (once tables are built, one core), checked against a run's results.

export interface TargetCheck {
  description: string;
  /** null: not evaluated (a size it needs was not run). */
  met: boolean | null;
  detail: string;
}

const oneMillion = 1_000_000;
const fiveMillion = 5_000_000;

function allMedian(results: readonly SizeResult[], size: number, engine: 'parley' | 'arquero' | 'duckdb'): number | null {
  return results.find((result) => result.recipe.conversations === size)?.timings[engine].all?.medianMs ?? null;
}

export function checkTargets(results: readonly SizeResult[]): TargetCheck[] {
  const checks: TargetCheck[] = [];
  const parley1m = allMedian(results, oneMillion, 'parley');
  checks.push({
    description: '`all` for 1M conversations under 16 ms',
    met: parley1m === null ? null : parley1m < 16,
    detail: parley1m === null ? '1M not run' : `${parley1m.toFixed(2)} ms median`,
  });
  for (const [peer, factor] of [
    ['arquero', 30],
    ['duckdb', 5],
  ] as const) {
    for (const result of results) {
      const size = result.recipe.conversations;
      const parley = allMedian(results, size, 'parley');
      const other = allMedian(results, size, peer);
      if (parley === null || other === null) continue;
      const ratio = other / parley;
      checks.push({
        description: `\`all\` at least ${factor}× faster than ${peer === 'arquero' ? 'Arquero' : 'DuckDB'} (${size.toLocaleString('en-US')} conversations)`,
        met: ratio >= factor,
        detail: `${ratio.toFixed(1)}× (${other.toFixed(1)} ms vs ${parley.toFixed(2)} ms)`,
      });
    }
  }
  const parley5m = allMedian(results, fiveMillion, 'parley');
  checks.push({
    description: '`all` for 5M at most 5.5× the 1M time',
    met: parley1m === null || parley5m === null ? null : parley5m <= 5.5 * parley1m,
    detail: parley1m === null || parley5m === null ? '1M and 5M not both run' : `${(parley5m / parley1m).toFixed(2)}× (${parley5m.toFixed(2)} ms vs ${parley1m.toFixed(2)} ms)`,
  });
  return checks;
}

export function formatTargets(checks: readonly TargetCheck[]): string {
  const mark = (met: boolean | null) => (met === null ? 'NOT RUN' : met ? 'MET' : 'MISSED');
  return ['Targets (tables built, one core):', ...checks.map((check) => `  [${mark(check.met)}] ${check.description}: ${check.detail}`)].join('\n');
}
