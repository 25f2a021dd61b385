import { useCallback, useEffect, useState } from 'react';
import { ApiError } from '../app/api';
import { useApi } from './useApi';

export type Resource<T> = { status: 'loading' } | { status: 'ready'; data: T } | { status: 'failed'; error: ApiError };

// GETs `path` when mounted and whenever reload() is called; a response that arrives after a newer
// request started (or after unmount) is dropped, so a slow answer never overwrites a fresh one.
export function useResource<T>(path: string): [Resource<T>, () => void] {
  const api = useApi();
  const [state, setState] = useState<Resource<T>>({ status: 'loading' });
  const [version, setVersion] = useState(0);

  useEffect(() => {
    let current = true;
    api<T>(path).then(
      (data) => current && setState({ status: 'ready', data }),
      (error: unknown) => current && setState({ status: 'failed', error: asApiError(error) }),
    );
    return () => {
      current = false;
    };
  }, [api, path, version]);

  const reload = useCallback(() => setVersion((v) => v + 1), []);
  return [state, reload];
}

export function asApiError(error: unknown): ApiError {
  return error instanceof ApiError ? error : new ApiError(0, 'unexpected_error', 'Something went wrong. Please try again.');
}
