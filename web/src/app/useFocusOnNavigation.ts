import { useEffect, useRef } from 'react';
import { useLocation } from 'react-router';

// A full page load would reset scroll and announce the new page; after an in-app navigation do the
// same by focusing its target (#hash) or its heading. The first page of a visit keeps the browser's focus.
export function useFocusOnNavigation(): void {
  const { pathname, search, hash } = useLocation();
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    const frame = requestAnimationFrame(() => focusNewPage(hash.slice(1)));
    return () => cancelAnimationFrame(frame);
  }, [pathname, search, hash]);
}

function focusNewPage(hash: string): void {
  const target = (hash && document.getElementById(hash)) || document.querySelector<HTMLElement>('main h1') || document.getElementById('main');
  if (!target) return;
  if (!target.hasAttribute('tabindex')) target.setAttribute('tabindex', '-1');
  if (!hash) window.scrollTo(0, 0);
  target.focus({ preventScroll: !hash });
}
