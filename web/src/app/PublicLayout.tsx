import { Outlet } from 'react-router';
import { Link, usePathname } from './navigation';
import { SiteFooter } from './SiteFooter';

export function PublicLayout() {
  const pathname = usePathname();
  const current = (path: string) => (pathname === path ? 'page' : undefined);
  return (
    <>
      <header className="site-header">
        <Link to="/" className="brand" aria-current={current('/')}>WhatGrowPro</Link>
        <nav aria-label="Main">
          <ul className="inline-list">
            <li><Link to="/privacy" aria-current={current('/privacy')}>Privacy</Link></li>
            <li><Link to="/login" aria-current={current('/login')}>Log in</Link></li>
            <li><Link to="/signup" className="button button-primary" aria-current={current('/signup')}>Sign up</Link></li>
          </ul>
        </nav>
      </header>
      <main id="main" className="page"><Outlet /></main>
      <SiteFooter />
    </>
  );
}
