/** Wall time per stage, for the analysis's `timings` and the benchmark. */
export class StageClock {
  private readonly spent: Record<string, number> = {};

  async time<T>(stage: string, work: () => Promise<T>): Promise<T> {
    const start = performance.now();
    try {
      return await work();
    } finally {
      this.record(stage, start);
    }
  }

  timeSync<T>(stage: string, work: () => T): T {
    const start = performance.now();
    try {
      return work();
    } finally {
      this.record(stage, start);
    }
  }

  /** Adds figures measured elsewhere (seconds), their names prefixed. */
  add(prefix: string, seconds: Record<string, number>): void {
    for (const [name, value] of Object.entries(seconds)) this.spent[prefix + name] = value;
  }

  /** Seconds per stage, to the millisecond. */
  seconds(): Record<string, number> {
    return Object.fromEntries(Object.entries(this.spent).map(([k, v]) => [k, Math.round(v * 1000) / 1000]));
  }

  private record(stage: string, start: number): void {
    this.spent[stage] = (this.spent[stage] ?? 0) + (performance.now() - start) / 1000;
  }
}
