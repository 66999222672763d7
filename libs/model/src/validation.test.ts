import { describe, expect, it } from 'vitest';
import { recordWarnings, validateRecord } from './validation.js';

// snapshot.md §2 (D27), rule by rule; every expectation written from the table, not the code.

const parse = (text: string): unknown => JSON.parse(text);

describe('validateRecord', () => {
  it('rejects what is not an object', () => {
    for (const value of [null, 3, 'x', [], true]) expect(validateRecord('users', value)).toEqual({ field: '(record)', reason: 'must be an object' });
  });

  it('requires a non-empty string id in every collection', () => {
    expect(validateRecord('teams', {})).toEqual({ field: 'id', reason: 'is missing' });
    expect(validateRecord('teams', { id: '' })).toEqual({ field: 'id', reason: 'must be a non-empty string' });
    expect(validateRecord('channels', { id: 7 })).toEqual({ field: 'id', reason: 'must be a non-empty string' });
    expect(validateRecord('contacts', { id: 'k1' })).toBeNull();
  });

  it('accepts a JSON number with no fractional part as an integer, 5.0 included', () => {
    expect(validateRecord('csat', parse('{"id":"s","conversationId":"c","at":1714989600000.0,"score":5.0}'))).toBeNull();
    expect(validateRecord('csat', parse('{"id":"s","conversationId":"c","at":1.5,"score":5}'))).toEqual({ field: 'at', reason: 'must be an integer' });
  });

  it('never takes a boolean or a numeric string as an integer', () => {
    expect(validateRecord('conversations', { id: 'c', contactId: 'k', openedAt: true })).toEqual({ field: 'openedAt', reason: 'must be an integer' });
    expect(validateRecord('conversations', { id: 'c', contactId: 'k', openedAt: '17' })).toEqual({ field: 'openedAt', reason: 'must be an integer' });
  });

  it('bounds integers to the range of a Date, ±8.64e15 inclusive', () => {
    expect(validateRecord('messages', { id: 'm', at: 8.64e15, direction: 'in', senderType: 'contact' })).toBeNull();
    expect(validateRecord('messages', { id: 'm', at: -8.64e15, direction: 'in', senderType: 'contact' })).toBeNull();
    expect(validateRecord('messages', { id: 'm', at: 8.64e15 + 2, direction: 'in', senderType: 'contact' })).toEqual({ field: 'at', reason: 'must be within ±8.64e15' });
  });

  it('lets closedAt be an integer, null or absent, nothing else', () => {
    const base = { id: 'c', contactId: 'k', openedAt: 1 };
    expect(validateRecord('conversations', base)).toBeNull();
    expect(validateRecord('conversations', { ...base, closedAt: null })).toBeNull();
    expect(validateRecord('conversations', { ...base, closedAt: 2 })).toBeNull();
    expect(validateRecord('conversations', { ...base, closedAt: '2' })).toEqual({ field: 'closedAt', reason: 'must be an integer' });
    expect(validateRecord('conversations', { id: 'c', openedAt: 1 })).toEqual({ field: 'contactId', reason: 'is missing' });
  });

  it('lets an assignment userId be a string, null or absent', () => {
    const base = { id: 'a', conversationId: 'c', at: 1 };
    expect(validateRecord('assignments', base)).toBeNull();
    expect(validateRecord('assignments', { ...base, userId: null })).toBeNull();
    expect(validateRecord('assignments', { ...base, userId: '' })).toBeNull();
    expect(validateRecord('assignments', { ...base, userId: 5 })).toEqual({ field: 'userId', reason: 'must be a string or null' });
    expect(validateRecord('assignments', { id: 'a', conversationId: '', at: 1 })).toEqual({ field: 'conversationId', reason: 'must be a non-empty string' });
  });

  it('checks the closed vocabularies of messages and contact events', () => {
    expect(validateRecord('messages', { id: 'm', at: 1, direction: 'up', senderType: 'contact' })).toEqual({ field: 'direction', reason: 'must be one of in, out' });
    expect(validateRecord('messages', { id: 'm', at: 1, direction: 'out', senderType: 'robot' })?.field).toBe('senderType');
    expect(validateRecord('messages', { id: 'm', at: 1, direction: 'out' })).toEqual({ field: 'senderType', reason: 'is missing' });
    expect(validateRecord('contactEvents', { id: 'e', contactId: 'k', type: 'connected', at: 1 })).toBeNull();
    expect(validateRecord('contactEvents', { id: 'e', contactId: 'k', type: 'created', at: 1 })?.field).toBe('type');
  });

  it('takes CSAT scores 1 to 5 only', () => {
    const base = { id: 's', conversationId: 'c', at: 1 };
    for (const score of [1, 2, 3, 4, 5]) expect(validateRecord('csat', { ...base, score })).toBeNull();
    for (const score of [0, 6, 4.5, '5', true]) expect(validateRecord('csat', { ...base, score })?.field).toBe('score');
  });

  it('ignores unknown fields and does not validate the others (D27)', () => {
    expect(validateRecord('conversations', { id: 'c', contactId: 'k', openedAt: 1, openedSource: 'carrier pigeon', colour: 'red' })).toBeNull();
    expect(validateRecord('messages', { id: 'm', at: 1, direction: 'in', senderType: 'contact', conversationId: 42 })).toBeNull();
  });
});

describe('recordWarnings', () => {
  it('flags odd but kept values', () => {
    expect(recordWarnings('conversations', { id: 'c', contactId: 'k', openedAt: 10, closedAt: 5, openedSource: 'pigeon', closedSource: null })).toEqual([
      { field: 'openedSource', reason: 'unknown source "pigeon"' },
      { field: 'closedAt', reason: 'is before openedAt (negative resolution time)' },
      { field: 'closedSource', reason: 'is missing on a closed conversation' },
    ]);
    expect(recordWarnings('conversations', { id: 'c', contactId: 'k', openedAt: 1, closedAt: 5, closedSource: 'user' })).toEqual([]);
  });
});
