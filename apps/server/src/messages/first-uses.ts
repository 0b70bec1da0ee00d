/**
 * The items of a batch with each key's repeats left out, and for every item the position of the
 * one that stands for it. A `client_id` twice in one batch is a retry of its first use.
 */
export function firstUses<T>(items: readonly T[], keyOf: (item: T) => string | null): { unique: T[]; slots: number[] } {
  const positions = new Map<string, number>();
  const unique: T[] = [];
  const slots = items.map((item) => {
    const key = keyOf(item);
    const seen = key === null ? undefined : positions.get(key);
    if (seen !== undefined) return seen;
    if (key !== null) positions.set(key, unique.length);
    unique.push(item);
    return unique.length - 1;
  });
  return { unique, slots };
}
