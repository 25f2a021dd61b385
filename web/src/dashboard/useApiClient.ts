import { useMemo } from 'react';
import { createApiClient, type ApiClient } from '../app/apiClient';
import { useAuth } from '../app/auth';

/** The typed API client with the session's CSRF token. */
export function useApiClient(): ApiClient {
  const { me } = useAuth();
  return useMemo(() => createApiClient(me.csrfToken), [me.csrfToken]);
}
