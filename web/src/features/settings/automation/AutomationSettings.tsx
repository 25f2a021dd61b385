import { usePageTitle } from '../../../app/usePageTitle';
import { useResource } from '../../../dashboard/useResource';
import { ResourceState } from '../../../ui/ResourceState';
import type { WorkspaceSettings } from './automation';
import { KeywordReplies } from './KeywordReplies';
import { WorkspaceSettingsForm } from './WorkspaceSettingsForm';
import './automation.css';

export function AutomationSettings() {
  usePageTitle('Automation');
  const [settings, reload] = useResource<WorkspaceSettings>('/settings');
  return (
    <>
      <h1>Automation</h1>
      <p>What WhatGrowPro does on its own: read receipts, automatic messages, business hours and keyword replies.</p>
      <ResourceState resource={settings} what="the settings" onRetry={reload}>
        {(data) => <WorkspaceSettingsForm initial={data} />}
      </ResourceState>
      <KeywordReplies />
    </>
  );
}
