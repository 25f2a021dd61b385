import { useCallback } from 'react';
import { apiRequest } from '../app/api';
import { useAuth } from '../app/auth';

type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE';

// apiRequest with the session's CSRF token, which every cookie-authenticated change must carry.
export function useApi(): <T>(path: string, method?: Method, body?: unknown) => Promise<T> {
  const { me } = useAuth();
  return useCallback(
    <T,>(path: string, method: Method = 'GET', body?: unknown) => apiRequest<T>(path, { method, body, csrfToken: me.csrfToken }),
    [me.csrfToken],
  );
}
