import { useState } from 'react';
import { useAuth } from '../app/auth';

export function WorkspaceSwitcher({ onError }: { onError: (message: string | null) => void }) {
  const { me, switchWorkspace } = useAuth();
  const [switching, setSwitching] = useState(false);

  const handleChange = (workspaceId: string) => {
    onError(null);
    setSwitching(true);
    switchWorkspace(workspaceId)
      .catch((failure: unknown) => onError(failure instanceof Error ? failure.message : 'Could not switch workspace.'))
      .finally(() => setSwitching(false));
  };

  return (
    <div className="workspace-switcher">
      <label htmlFor="workspace-switcher">Workspace</label>
      <select
        id="workspace-switcher"
        value={me.currentWorkspaceId}
        aria-busy={switching}
        onChange={(event) => handleChange(event.target.value)}
      >
        {me.workspaces.map((workspace) => (
          <option key={workspace.id} value={workspace.id}>{workspace.name}</option>
        ))}
      </select>
    </div>
  );
}
