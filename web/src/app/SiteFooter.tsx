import { useConsent } from './ConsentProvider';
import { Link } from './navigation';

export function SiteFooter() {
  const { openBanner } = useConsent();
  return (
    <footer className="site-footer">
      <nav aria-label="Footer">
        <ul className="inline-list">
          <li><Link to="/privacy">Privacy policy</Link></li>
          <li><button type="button" className="link-button" onClick={openBanner}>Cookie settings</button></li>
        </ul>
      </nav>
      <p>© WhatGrowPro</p>
    </footer>
  );
}
