import { createContext, useCallback, useContext, useEffect, useState, type ReactNode } from 'react';
import { ApiError, apiRequest } from './api';
import { navigate } from './router';

export type Role = 'owner' | 'admin' | 'agent' | 'analyst';

export type Me = {
  user: { id: string; email: string; name: string };
  workspaces: { id: string; name: string; role: Role }[];
  currentWorkspaceId: string;
  role: Role;
  mode: 'sandbox' | 'cloud';
  csrfToken: string;
};

type Auth = {
  me: Me;
  signOut: () => Promise<void>;
  switchWorkspace: (workspaceId: string) => Promise<void>;
};

const AuthContext = createContext<Auth | null>(null);

export function useAuth(): Auth {
  const auth = useContext(AuthContext);
  if (!auth) throw new Error('useAuth must be used inside <AuthProvider>');
  return auth;
}

// Sends the visitor to log in and brings them back to where they were afterwards.
function redirectToLogin(): void {
  const next = window.location.pathname + window.location.search;
  navigate(`/login?next=${encodeURIComponent(next)}`, { replace: true });
}

type State = { status: 'loading' } | { status: 'ready'; me: Me } | { status: 'failed'; error: ApiError };

export function AuthProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<State>({ status: 'loading' });

  const load = useCallback(async () => {
    try {
      setState({ status: 'ready', me: await apiRequest<Me>('/me') });
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) redirectToLogin();
      else setState({ status: 'failed', error: toApiError(error) });
    }
  }, []);

  useEffect(() => {
    void load();
  }, [load]);

  if (state.status === 'loading') return <p className="page-status" role="status">Loading your workspace…</p>;
  if (state.status === 'failed') {
    return (
      <div className="page-status" role="alert">
        <p>{state.error.message}</p>
        <button type="button" className="button" onClick={() => void load()}>Try again</button>
      </div>
    );
  }

  const { me } = state;
  const auth: Auth = {
    me,
    async signOut() {
      await apiRequest('/auth/logout', { method: 'POST', csrfToken: me.csrfToken }).catch((error: unknown) => {
        // An expired session is already signed out; anything else must stay visible.
        if (!(error instanceof ApiError && error.status === 401)) throw error;
      });
      navigate('/', { replace: true });
    },
    async switchWorkspace(workspaceId) {
      try {
        await apiRequest('/me/workspace', { method: 'POST', body: { workspaceId }, csrfToken: me.csrfToken });
      } catch (error) {
        if (error instanceof ApiError && error.status === 401) return redirectToLogin();
        throw error;
      }
      await load();
    },
  };
  return <AuthContext.Provider value={auth}>{children}</AuthContext.Provider>;
}

function toApiError(error: unknown): ApiError {
  return error instanceof ApiError ? error : new ApiError(0, 'unexpected_error', 'Something went wrong. Please reload the page.');
}
