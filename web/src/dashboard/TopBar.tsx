import { useState } from 'react';
import { useAuth } from '../app/auth';
import { Link } from '../app/navigation';
import { SandboxBanner } from './SandboxBanner';
import { UserMenu } from './UserMenu';
import { WorkspaceSwitcher } from './WorkspaceSwitcher';

// One compact row: the brand, the workspace (a switcher when there are several) with the member's role,
// the sandbox note, and the user menu.
export function TopBar() {
  const { me } = useAuth();
  const [error, setError] = useState<string | null>(null);
  const workspace = me.workspaces.find((candidate) => candidate.id === me.currentWorkspaceId);

  return (
    <header className="shell-topbar">
      <Link to="/app" className="brand">WhatGrowPro</Link>
      <div className="shell-workspace">
        {me.workspaces.length > 1 ? (
          <WorkspaceSwitcher onError={setError} />
        ) : (
          <span className="workspace-name" dir="auto">{workspace?.name}</span>
        )}
        <span className="role-badge">Role: {me.role}</span>
      </div>
      <SandboxBanner />
      <UserMenu onError={setError} />
      {error && <p className="header-error" role="alert">{error}</p>}
    </header>
  );
}
