import { createContext, useCallback, useContext, useEffect, useState, type ReactNode } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { useNavigate, type NavigateFunction } from 'react-router';
import { ApiError, apiRequest } from './api';
import type { ApiItem, ApiResponse } from './apiSchema';

// What GET /me answers. A session whose workspace membership ended (removed, or left) has no current
// workspace and no role until it picks another workspace; `Me` is a session with both. (The user and the
// CSRF token are null only for API keys, which the dashboard never uses.)
type MeResponse = ApiResponse<'/api/v1/me'>;
export type Role = ApiItem<'/api/v1/members'>['role'];
export type Me = MeResponse & { currentWorkspaceId: string; role: Role; user: NonNullable<MeResponse['user']>; csrfToken: string };

function hasWorkspace(me: MeResponse): me is Me {
  return me.currentWorkspaceId !== null && me.role !== null && me.user !== null && me.csrfToken !== null;
}

// Lands a session without a current workspace in its first remaining one.
async function fetchMe(): Promise<MeResponse> {
  const me = await apiRequest<MeResponse>('/me');
  const fallback = me.workspaces[0];
  if (hasWorkspace(me) || !fallback) return me;
  await apiRequest('/me/workspace', { method: 'POST', body: { workspaceId: fallback.id }, csrfToken: me.csrfToken ?? undefined });
  return apiRequest<MeResponse>('/me');
}

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
function redirectToLogin(navigate: NavigateFunction): void {
  const next = window.location.pathname + window.location.search;
  navigate(`/login?next=${encodeURIComponent(next)}`, { replace: true });
}

type State =
  | { status: 'loading' }
  | { status: 'ready'; me: Me }
  | { status: 'no-workspace'; csrfToken: string }
  | { status: 'failed'; error: ApiError };

export function AuthProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<State>({ status: 'loading' });
  const navigate = useNavigate();
  const queryClient = useQueryClient();

  const load = useCallback(async () => {
    try {
      const me = await fetchMe();
      setState(hasWorkspace(me) ? { status: 'ready', me } : { status: 'no-workspace', csrfToken: me.csrfToken ?? '' });
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) redirectToLogin(navigate);
      else setState({ status: 'failed', error: toApiError(error) });
    }
  }, [navigate]);

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

  // Whatever was cached belongs to the session and workspace being left.
  const leave = (csrfToken: string) => signOut(csrfToken).then(() => {
    queryClient.clear();
    navigate('/', { replace: true });
  });
  if (state.status === 'no-workspace') return <NoWorkspace onSignOut={() => void leave(state.csrfToken)} />;

  const { me } = state;
  const auth: Auth = {
    me,
    signOut: () => leave(me.csrfToken),
    async switchWorkspace(workspaceId) {
      try {
        await apiRequest('/me/workspace', { method: 'POST', body: { workspaceId }, csrfToken: me.csrfToken });
      } catch (error) {
        if (error instanceof ApiError && error.status === 401) return redirectToLogin(navigate);
        throw error;
      }
      queryClient.clear();
      await load();
    },
  };
  return <AuthContext.Provider value={auth}>{children}</AuthContext.Provider>;
}

async function signOut(csrfToken: string): Promise<void> {
  await apiRequest('/auth/logout', { method: 'POST', csrfToken }).catch((error: unknown) => {
    // An expired session is already signed out; anything else must stay visible.
    if (!(error instanceof ApiError && error.status === 401)) throw error;
  });
}

function NoWorkspace({ onSignOut }: { onSignOut: () => void }) {
  return (
    <div className="page-status" role="alert">
      <p>You are no longer a member of any workspace. Ask a colleague for a new invitation link.</p>
      <button type="button" className="button" onClick={onSignOut}>Sign out</button>
    </div>
  );
}

function toApiError(error: unknown): ApiError {
  return error instanceof ApiError ? error : new ApiError(0, 'unexpected_error', 'Something went wrong. Please reload the page.');
}
