import { useRef, useState } from 'react';
import { usePageTitle } from '../../../app/usePageTitle';
import { useResource } from '../../../dashboard/useResource';
import { ResourceState } from '../../../ui/ResourceState';
import { CreateWebhookForm } from './CreateWebhookForm';
import { NewSecretNotice } from './NewSecretNotice';
import { SubscriptionRow } from './SubscriptionRow';
import type { CreatedSubscription, SubscriptionList } from './webhook';
import './webhooks.css';

export function WebhooksSettings() {
  usePageTitle('Outgoing webhooks');
  const [subscriptions, reload] = useResource<SubscriptionList>('/webhook-subscriptions?limit=200');
  const [created, setCreated] = useState<CreatedSubscription | null>(null);
  const listHeading = useRef<HTMLHeadingElement>(null);
  const dismiss = () => {
    setCreated(null);
    listHeading.current?.focus();
  };
  return (
    <>
      <h1>Outgoing webhooks</h1>
      <p>WhatGrowPro POSTs the events you choose to your endpoints as JSON, signed with a secret of each endpoint, and retries failed deliveries with growing delays. An endpoint that keeps failing is disabled until you enable it again.</p>
      {created ? <NewSecretNotice created={created} onDone={dismiss} /> : <CreateWebhookForm onCreated={(c) => { setCreated(c); reload(); }} />}
      <section aria-labelledby="webhook-list-title">
        <h2 id="webhook-list-title" ref={listHeading} tabIndex={-1}>Endpoints</h2>
        <ResourceState resource={subscriptions} what="the endpoints" onRetry={reload}>
          {({ data }) => data.length === 0 ? <p>No endpoints yet.</p> : (
            <ul className="item-list">{data.map((s) => <SubscriptionRow key={s.id} subscription={s} onChanged={reload} />)}</ul>
          )}
        </ResourceState>
      </section>
    </>
  );
}
