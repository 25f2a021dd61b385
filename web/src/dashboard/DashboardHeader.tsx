import { useState } from 'react';
import { useAuth } from '../app/auth';
import { Link } from '../app/router';
import { WorkspaceSwitcher } from './WorkspaceSwitcher';

export function DashboardHeader() {
  const { me, signOut } = useAuth();
  const [error, setError] = useState<string | null>(null);
  const workspace = me.workspaces.find((candidate) => candidate.id === me.currentWorkspaceId);

  const handleSignOut = () => {
    setError(null);
    signOut().catch((failure: unknown) => setError(failure instanceof Error ? failure.message : 'Could not sign out.'));
  };

  return (
    <header className="site-header dashboard-header">
      <Link to="/app" className="brand">WhatGrowPro</Link>
      <div className="dashboard-header-workspace">
        {me.workspaces.length > 1 ? (
          <WorkspaceSwitcher onError={setError} />
        ) : (
          <span className="workspace-name" dir="auto">{workspace?.name}</span>
        )}
        <span className="role-badge">Role: {me.role}</span>
      </div>
      <div className="dashboard-header-user">
        <span className="user-name" dir="auto">{me.user.name}</span>
        <button type="button" className="button" onClick={handleSignOut}>Sign out</button>
      </div>
      {error && <p className="header-error" role="alert">{error}</p>}
    </header>
  );
}
