import type { ReactNode } from 'react';
import type { Resource } from '../dashboard/useResource';

type Props<T> = { resource: Resource<T>; what: string; onRetry: () => void; children: (data: T) => ReactNode };

// The loading and failure states every list shares; the list itself is only drawn once the data is there.
export function ResourceState<T>({ resource, what, onRetry, children }: Props<T>) {
  if (resource.status === 'loading') return <p role="status">Loading {what}…</p>;
  if (resource.status === 'failed') {
    return (
      <div className="form-alert" role="alert">
        <p>Could not load {what}: {resource.error.message}</p>
        <button type="button" className="button" onClick={onRetry}>Try again</button>
      </div>
    );
  }
  return <>{children(resource.data)}</>;
}
