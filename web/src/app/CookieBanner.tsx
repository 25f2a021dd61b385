import { useEffect, useRef, useState, type RefObject } from 'react';
import { useConsent } from './ConsentProvider';
import { Link } from './navigation';
import './cookie-banner.css';

const CHOICE_LABELS = { essential: 'Essential only', analytics: 'Accept analytics' } as const;

export function CookieBanner() {
  const { bannerOpen } = useConsent();
  return bannerOpen ? <Banner /> : null;
}

function Banner() {
  const { consent, choose, closeBanner } = useConsent();
  const bannerRef = useRef<HTMLElement>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  // A first-visit banner must not steal focus from the page; one reopened on request takes it and gives it back.
  const [reopened] = useState(consent !== null);

  useReserveSpace(bannerRef);

  useEffect(() => {
    if (!reopened) return;
    const previous = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    headingRef.current?.focus();
    return () => previous?.focus();
  }, [reopened]);

  return (
    // Named apart from the privacy policy's "Cookies" section, so the two regions are told apart.
    <section ref={bannerRef} className="cookie-banner" aria-label="Cookie consent">
      <div className="cookie-banner-inner">
        <div className="cookie-banner-text">
          <h2 ref={headingRef} tabIndex={-1}>Cookies</h2>
          <p>
            One essential cookie keeps you signed in. We run no analytics today; your choice is kept for when we
            might. <Link to="/privacy#cookies">How we use cookies</Link>
          </p>
          {consent && (
            <p className="cookie-banner-current">
              Your current choice: {CHOICE_LABELS[consent.choice]} (since {new Date(consent.at).toLocaleDateString()}).
            </p>
          )}
        </div>
        <div className="cookie-banner-actions">
          <button type="button" className="button" onClick={() => choose('essential')}>{CHOICE_LABELS.essential}</button>
          <button type="button" className="button" onClick={() => choose('analytics')}>{CHOICE_LABELS.analytics}</button>
          {consent && <button type="button" className="button button-quiet" onClick={closeBanner}>Close</button>}
        </div>
      </div>
    </section>
  );
}

// The banner is fixed to the bottom of the screen; padding the page by its height (and telling the browser
// to keep focused fields above it) means it never hides a form field, even on a phone.
function useReserveSpace(ref: RefObject<HTMLElement | null>): void {
  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    const root = document.documentElement;
    const observer = new ResizeObserver(() => root.style.setProperty('--cookie-banner-height', `${element.offsetHeight}px`));
    observer.observe(element);
    return () => {
      observer.disconnect();
      root.style.removeProperty('--cookie-banner-height');
    };
  }, [ref]);
}
