import { usePageTitle } from '../app/usePageTitle';

export function DashboardNotFound() {
  usePageTitle('Page not found');
  return (
    <>
      <h1>Page not found</h1>
      <p>This part of the dashboard does not exist. Choose a section from the menu.</p>
    </>
  );
}
