import type { PagedList } from '../dashboard/usePagedList';

// Under a paged list: a failure with its retry (of the next page when some are shown, else of the first),
// and the next page on demand. `noun` is plural: "contacts" → "Show more contacts".
export function PagedListMore<T>({ list, noun }: { list: PagedList<T>; noun: string }) {
  return (
    <>
      {list.status === 'failed' && (
        <div className="form-alert" role="alert">
          <p>Could not load the {noun}: {list.error?.message}</p>
          <button type="button" className="button" onClick={list.items.length ? list.loadMore : list.reload}>Try again</button>
        </div>
      )}
      {list.hasMore && list.status === 'ready' && <button type="button" className="button" onClick={list.loadMore}>Show more {noun}</button>}
    </>
  );
}
