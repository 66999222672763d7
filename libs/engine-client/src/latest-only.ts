/**
 * A gate for one widget's answers: each promise passed through it settles as itself unless a newer
 * one was passed in meanwhile, in which case it rejects with an `AbortError` (see `isSuperseded`).
 *
 *     const latest = latestOnly();
 *     const answer = await latest(Parley.query(query)); // throws AbortError when superseded
 */
export function latestOnly(): <T>(answer: Promise<T>) => Promise<T> {
  let newest = 0;
  return async <T>(answer: Promise<T>): Promise<T> => {
    const ticket = ++newest;
    try {
      const value = await answer;
      if (ticket !== newest) throw superseded();
      return value;
    } catch (error) {
      if (ticket !== newest) throw superseded();
      throw error;
    }
  };
}

/** Whether an error only says that a newer request replaced this one (nothing to show). */
export function isSuperseded(error: unknown): boolean {
  return error instanceof DOMException && error.name === 'AbortError';
}

function superseded(): DOMException {
  return new DOMException('Superseded by a newer request', 'AbortError');
}
