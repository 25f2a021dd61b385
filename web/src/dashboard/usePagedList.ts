import { useCallback } from 'react';
import { useInfiniteQuery } from '@tanstack/react-query';
import type { ApiError } from '../app/api';
import { apiQueryKey } from '../app/queryClient';
import { useApi } from './useApi';
import { asApiError } from './useResource';

export type Page<T> = { data: T[]; nextCursor: string | null };

export type PagedList<T> = {
  items: T[];
  status: 'loading' | 'ready' | 'failed';
  error: ApiError | null;
  hasMore: boolean;
  loadMore: () => void;
  reload: () => void;
};

// A cursor-paged API list (`{data, nextCursor}`) in the query cache: the first page for `path`, the next
// one appended on loadMore(); a reload (or a live event) refetches the pages shown.
export function usePagedList<T>(path: string, limit = 50): PagedList<T> {
  const api = useApi();
  const separator = path.includes('?') ? '&' : '?';
  const query = useInfiniteQuery({
    queryKey: [...apiQueryKey(path), { limit }],
    initialPageParam: null as string | null,
    queryFn: ({ pageParam }) => {
      const params = new URLSearchParams({ limit: String(limit) });
      if (pageParam) params.set('cursor', pageParam);
      return api<Page<T>>(`${path}${separator}${params}`);
    },
    getNextPageParam: (last) => last.nextCursor,
  });
  const { refetch, fetchNextPage } = query;
  const busy = query.isPending || query.isFetching;
  return {
    items: query.data?.pages.flatMap((page) => page.data) ?? [],
    status: query.isError ? 'failed' : busy ? 'loading' : 'ready',
    error: query.isError ? asApiError(query.error) : null,
    hasMore: query.hasNextPage,
    loadMore: () => void fetchNextPage(),
    reload: useCallback(() => void refetch(), [refetch]),
  };
}
