import { QueryClient } from '@tanstack/react-query';

// The dashboard's server-state cache. Freshness comes from the server-sent events, which invalidate
// what changed (dashboard/useLiveInvalidation.ts), so a refocused tab does not refetch everything, and
// a failed request is shown at once instead of being retried behind a spinner.
export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: { retry: false, refetchOnWindowFocus: false },
      mutations: { retry: false },
    },
  });
}

/** The cache key of a GET of `path` (below /api/v1, query string included). */
export const apiQueryKey = (path: string) => ['api', path] as const;

/** Whether a cached query is a GET of a path under `prefix`. */
export function isUnder(queryKey: readonly unknown[], prefix: string): boolean {
  return queryKey[0] === 'api' && typeof queryKey[1] === 'string' && queryKey[1].startsWith(prefix);
}
