import { useEffect, useRef, useState } from 'react';
import { ApiError } from '../../app/api';
import { useAuth } from '../../app/auth';
import { useNavigate } from 'react-router';
import { Link, useSearchParam } from '../../app/navigation';
import { usePageTitle } from '../../app/usePageTitle';
import { useApi } from '../../dashboard/useApi';

type Accepted = { workspaceId: string };

// One acceptance per token and page load: development's StrictMode mounts twice, and accepting twice would
// answer the second call with already_member.
const acceptances = new Map<string, Promise<Accepted>>();

// /app/join?invitation=<token>: where sign-up and login land with an invitation. The signed-in person joins
// the inviting workspace and the dashboard switches to it.
export function AcceptInvitationPage() {
  const navigate = useNavigate();
  usePageTitle('Join a workspace');
  const token = useSearchParam('invitation');
  const api = useApi();
  const { switchWorkspace } = useAuth();
  const [error, setError] = useState<string | null>(null);
  // switchWorkspace changes with every new `me`; the acceptance must still run once.
  const switchTo = useRef(switchWorkspace);
  switchTo.current = switchWorkspace;

  useEffect(() => {
    if (!token) return;
    let current = true;
    let acceptance = acceptances.get(token);
    if (!acceptance) {
      acceptance = api<Accepted>(`/invitations/${encodeURIComponent(token)}/accept`, 'POST');
      acceptances.set(token, acceptance);
    }
    acceptance
      .then(async ({ workspaceId }) => {
        if (!current) return;
        await switchTo.current(workspaceId);
        navigate('/app', { replace: true });
      })
      .catch((failure: unknown) => current && setError(explain(failure)));
    return () => {
      current = false;
    };
  }, [api, token]);

  if (!token) return <Failure message="This link has no invitation in it. Open the link from your invitation again." />;
  if (error) return <Failure message={error} />;
  return (
    <>
      <h1>Joining the workspace…</h1>
      <p role="status">Accepting your invitation.</p>
    </>
  );
}

function explain(error: unknown): string {
  if (error instanceof ApiError && error.code === 'already_member') return 'You are already a member of this workspace: choose it with the workspace switcher at the top.';
  return error instanceof Error ? error.message : 'Could not accept the invitation.';
}

function Failure({ message }: { message: string }) {
  return (
    <>
      <h1>Could not join the workspace</h1>
      <p role="alert">{message}</p>
      <p><Link to="/app">Go to your dashboard</Link></p>
    </>
  );
}
