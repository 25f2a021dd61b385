import { useResource } from '../../dashboard/useResource';
import type { List } from './types';

// Lists the inbox can do without (labels, canned responses while their routes roll out, members for
// an agent who may not list them): a failure reads as an empty list rather than blocking the page.
export function useOptionalList<T>(path: string): [T[], () => void] {
  const [resource, reload] = useResource<List<T>>(path);
  return [resource.status === 'ready' ? resource.data.data : [], reload];
}
