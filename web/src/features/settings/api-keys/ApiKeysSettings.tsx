import { useRef, useState } from 'react';
import { usePageTitle } from '../../../app/usePageTitle';
import { useResource } from '../../../dashboard/useResource';
import { ResourceState } from '../../../ui/ResourceState';
import type { ApiKeyList, CreatedKey } from './apiKey';
import { ApiKeyRow } from './ApiKeyRow';
import { CreateApiKeyForm } from './CreateApiKeyForm';
import { NewKeyNotice } from './NewKeyNotice';

export function ApiKeysSettings() {
  usePageTitle('API keys');
  const [keys, reload] = useResource<ApiKeyList>('/api-keys');
  const [created, setCreated] = useState<CreatedKey | null>(null);
  const listHeading = useRef<HTMLHeadingElement>(null);
  // The notice and its button go away once the key is copied: keyboard focus moves on to the list of keys.
  const dismiss = () => {
    setCreated(null);
    listHeading.current?.focus();
  };
  return (
    <>
      <h1>API keys</h1>
      <p>Keys let your own systems use the WhatGrowPro API (<a href="/docs">documentation</a>). Each key belongs to this workspace and acts with the role you give it.</p>
      {created ? (
        <NewKeyNotice created={created} onDone={dismiss} />
      ) : (
        <CreateApiKeyForm onCreated={(key) => { setCreated(key); reload(); }} />
      )}
      <section aria-labelledby="key-list-title">
        <h2 id="key-list-title" ref={listHeading} tabIndex={-1}>Keys</h2>
        <ResourceState resource={keys} what="the API keys" onRetry={reload}>
          {({ data }) =>
            data.length === 0 ? (
              <p>No API keys yet.</p>
            ) : (
              <ul className="item-list">{data.map((key) => <ApiKeyRow key={key.id} apiKey={key} onRevoked={reload} />)}</ul>
            )
          }
        </ResourceState>
      </section>
    </>
  );
}
