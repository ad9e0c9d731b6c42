// Typed repository with caching.
export interface Repo<T> {
  get(id: string): Promise<T | undefined>;
}

type Row = { id: string; score: number };

export class CachedRepo<T extends Row> implements Repo<T> {
  private cache = new Map<string, T>();

  constructor(private readonly inner: Repo<T>) {}

  async get(id: string): Promise<T | undefined> {
    const hit = this.cache.get(id);
    if (hit !== undefined) return hit;
    const row = await this.inner.get(id);
    if (row) this.cache.set(id, row);
    return row;
  }
}

export const byScore = (a: Row, b: Row): number => b.score - a.score;

export function top<T extends Row>(rows: T[], n = 3): T[] {
  return [...rows].sort(byScore).slice(0, n);
}
