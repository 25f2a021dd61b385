import { Link } from '../app/navigation';
import { usePageTitle } from '../app/usePageTitle';

export function NotFoundPage() {
  usePageTitle('Page not found');
  return (
    <section aria-labelledby="not-found-title">
      <h1 id="not-found-title">Page not found</h1>
      <p>There is nothing at this address. <Link to="/">Go to the home page</Link>.</p>
    </section>
  );
}
