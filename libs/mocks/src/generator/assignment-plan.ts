const capacity = 8;

/**
 * The assignment events of the conversation being generated, in time order, drawn before its
 * messages so replies can go to whoever is assigned at that moment. Typed arrays reused from one
 * conversation to the next: the records are only created when the plan is emitted.
 */
export class AssignmentPlan {
  readonly atMs = new Float64Array(capacity);
  /** -1 = unassignment. */
  readonly userIndex = new Int16Array(capacity);
  /** -1 = no team. */
  readonly teamIndex = new Int16Array(capacity);
  length = 0;

  clear(): void {
    this.length = 0;
  }

  /** Appends an event; callers keep times increasing. */
  push(atMs: number, userIndex: number, teamIndex: number): void {
    if (this.length === capacity) return;
    this.atMs[this.length] = atMs;
    this.userIndex[this.length] = userIndex;
    this.teamIndex[this.length] = teamIndex;
    this.length++;
  }

  lastAtMs(): number {
    return this.atMs[this.length - 1];
  }

  lastUserIndex(): number {
    return this.userIndex[this.length - 1];
  }

  lastTeamIndex(): number {
    return this.teamIndex[this.length - 1];
  }

  /** The user assigned at `atMs` (the last event at or before it), or -1 when nobody is. */
  userAt(atMs: number): number {
    let userIndex = -1;
    for (let index = 0; index < this.length && this.atMs[index] <= atMs; index++) userIndex = this.userIndex[index];
    return userIndex;
  }

  /** Index of the last event at or before `atMs`, or -1. */
  lastIndexAtOrBefore(atMs: number): number {
    let found = -1;
    for (let index = 0; index < this.length && this.atMs[index] <= atMs; index++) found = index;
    return found;
  }

  /**
   * An agent answered before the planned first assignment and took the conversation: the first
   * event becomes theirs, at `atMs`, and later events move so that the order stays strict.
   */
  takeOverFirst(atMs: number, userIndex: number, teamIndex: number): void {
    if (this.length === 0) return;
    this.atMs[0] = atMs;
    this.userIndex[0] = userIndex;
    this.teamIndex[0] = teamIndex;
    for (let index = 1; index < this.length; index++) {
      if (this.atMs[index] <= this.atMs[index - 1]) this.atMs[index] = this.atMs[index - 1] + 1000;
    }
  }
}
