const RANK: Record<string, number> = { queued: 0, uncertain: 1, accepted: 2, sent: 3, delivered: 4, read: 5, played: 6 };

/** The status after `incoming`: never backwards; `failed` is final. */
export function nextStatus(current: string, incoming: string): string {
  if (current === 'failed') return 'failed';
  if (incoming === 'failed') return 'failed';
  const a = Object.hasOwn(RANK, current) ? RANK[current]! : -1;
  const b = Object.hasOwn(RANK, incoming) ? RANK[incoming] : undefined;
  if (b === undefined) return current;
  return b > a ? incoming : current;
}

export function isKnownStatus(status: string): boolean {
  // Own keys only: "toString" or "__proto__" from a webhook is no status.
  return status === 'failed' || Object.hasOwn(RANK, status);
}
