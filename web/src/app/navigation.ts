import { useLocation, useSearchParams } from 'react-router';

// The app's routes live in routes.tsx (react-router); these read the current address the way most
// pages need it.
export { Link } from 'react-router';

export function usePathname(): string {
  return useLocation().pathname;
}

export function useSearchParam(name: string): string | null {
  const [params] = useSearchParams();
  return params.get(name);
}
