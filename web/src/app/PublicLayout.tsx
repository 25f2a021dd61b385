import type { ReactNode } from 'react';
import { Link } from './router';

export function PublicLayout({ children }: { children: ReactNode }) {
  return (
    <>
      <header className="site-header">
        <Link to="/" className="brand">WhatGrowPro</Link>
        <nav aria-label="Main">
          <ul className="inline-list">
            <li><Link to="/privacy">Privacy</Link></li>
            <li><Link to="/login">Log in</Link></li>
            <li><Link to="/signup" className="button button-primary">Sign up</Link></li>
          </ul>
        </nav>
      </header>
      <main id="main" className="page">{children}</main>
    </>
  );
}
