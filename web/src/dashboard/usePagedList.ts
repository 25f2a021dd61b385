import { useCallback, useEffect, useRef, useState } from 'react';
import type { ApiError } from '../app/api';
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

// A cursor-paged API list (`{data, nextCursor}`): the first page when `path` changes or on reload(), the
// next one appended on loadMore(). An answer for a superseded path or reload is dropped.
export function usePagedList<T>(path: string, limit = 50): PagedList<T> {
  const api = useApi();
  const [items, setItems] = useState<T[]>([]);
  const [status, setStatus] = useState<PagedList<T>['status']>('loading');
  const [error, setError] = useState<ApiError | null>(null);
  const [cursor, setCursor] = useState<string | null>(null);
  const [version, setVersion] = useState(0);
  const generation = useRef(0);

  const fetchPage = useCallback(async (after: string | null, append: boolean) => {
    const mine = ++generation.current;
    setStatus('loading');
    setError(null);
    const separator = path.includes('?') ? '&' : '?';
    const query = new URLSearchParams({ limit: String(limit) });
    if (after) query.set('cursor', after);
    try {
      const page = await api<Page<T>>(`${path}${separator}${query}`);
      if (mine !== generation.current) return;
      setItems((current) => (append ? [...current, ...page.data] : page.data));
      setCursor(page.nextCursor);
      setStatus('ready');
    } catch (failure) {
      if (mine !== generation.current) return;
      setError(asApiError(failure));
      setStatus('failed');
    }
  }, [api, path, limit]);

  useEffect(() => {
    void fetchPage(null, false);
    // A newer request supersedes this one; unmounting drops its answer too.
    return () => {
      generation.current++;
    };
  }, [fetchPage, version]);

  return {
    items,
    status,
    error,
    hasMore: cursor !== null,
    loadMore: () => void fetchPage(cursor, true),
    reload: useCallback(() => setVersion((v) => v + 1), []),
  };
}
