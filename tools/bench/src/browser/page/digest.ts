import type { EngineAnswer } from '@parley/model';
import { canonicalAnswerJson } from '../shared/bench-queries.js';
import type { AnswerDigest } from '../shared/page-results.js';

// SHA-256 of an answer's canonical JSON, in the page (Node hashes the same text with node:crypto).

export async function sha256Hex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return Array.from(new Uint8Array(digest), (byte) => byte.toString(16).padStart(2, '0')).join('');
}

export async function digestAnswer(name: string, answer: Pick<EngineAnswer, 'value' | 'rowCount' | 'version'>): Promise<AnswerDigest> {
  return { name, hash: await sha256Hex(canonicalAnswerJson(answer.value, answer.rowCount)), version: answer.version };
}

/** One digest for several answers (the dashboard's widgets together): their canonical texts joined by newlines. */
export async function digestAnswers(answers: readonly Pick<EngineAnswer, 'value' | 'rowCount'>[]): Promise<string> {
  return sha256Hex(answers.map((answer) => canonicalAnswerJson(answer.value, answer.rowCount)).join('\n'));
}
