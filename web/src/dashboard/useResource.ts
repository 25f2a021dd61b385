import { useCallback } from 'react';
import { useQuery } from '@tanstack/react-query';
import { ApiError } from '../app/api';
import { apiQueryKey } from '../app/queryClient';
import { useApi } from './useApi';

export type Resource<T> = { status: 'loading' } | { status: 'ready'; data: T } | { status: 'failed'; error: ApiError };

// A GET of `path` through the dashboard's query cache: two components asking for the same path share one
// request, a page visited again shows what it had while it refetches, and the live events invalidate it.
export function useResource<T>(path: string): [Resource<T>, () => void] {
  const api = useApi();
  const query = useQuery({ queryKey: apiQueryKey(path), queryFn: () => api<T>(path) });
  const { refetch } = query;
  const reload = useCallback(() => void refetch(), [refetch]);
  if (query.status === 'pending') return [{ status: 'loading' }, reload];
  if (query.status === 'error') return [{ status: 'failed', error: asApiError(query.error) }, reload];
  return [{ status: 'ready', data: query.data }, reload];
}

export function asApiError(error: unknown): ApiError {
  return error instanceof ApiError ? error : new ApiError(0, 'unexpected_error', 'Something went wrong. Please try again.');
}
