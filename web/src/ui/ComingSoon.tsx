import { usePageTitle } from '../app/usePageTitle';

// The placeholder for a dashboard area whose page is not built yet.
export function ComingSoon({ title, summary }: { title: string; summary: string }) {
  usePageTitle(title);
  return (
    <>
      <h1>{title}</h1>
      <p>{summary}</p>
      <p className="coming-soon">Coming soon.</p>
    </>
  );
}
