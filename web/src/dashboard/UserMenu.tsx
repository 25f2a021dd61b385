import { useEffect, useId, useRef, useState } from 'react';
import { useAuth } from '../app/auth';
import { useConsent } from '../app/ConsentProvider';
import { Link } from '../app/navigation';

// The signed-in person's menu: who they are, their account, the policies, and signing out. A disclosure
// (button + list, rendered only while open): Escape or a click elsewhere closes it; Escape gives focus
// back to the button.
export function UserMenu({ onError }: { onError: (message: string | null) => void }) {
  const { me, signOut } = useAuth();
  const { openBanner } = useConsent();
  const [open, setOpen] = useState(false);
  const menuId = useId();
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (!open) return;
    const close = (event: Event) => {
      if (event instanceof KeyboardEvent ? event.key === 'Escape' : !root.current?.contains(event.target as Node)) {
        setOpen(false);
        if (event instanceof KeyboardEvent) button.current?.focus();
      }
    };
    document.addEventListener('keydown', close);
    document.addEventListener('pointerdown', close);
    return () => {
      document.removeEventListener('keydown', close);
      document.removeEventListener('pointerdown', close);
    };
  }, [open]);

  const handleSignOut = () => {
    onError(null);
    signOut().catch((failure: unknown) => onError(failure instanceof Error ? failure.message : 'Could not sign out. Please try again.'));
  };

  return (
    <div className="shell-user" ref={root}>
      <button ref={button} type="button" className="shell-user-button" aria-expanded={open} aria-controls={open ? menuId : undefined} onClick={() => setOpen(!open)}>
        <span className="shell-avatar" aria-hidden="true">{initialOf(me.user.name)}</span>
        <span className="user-name" dir="auto">{me.user.name}</span>
      </button>
      {open && (
      <div id={menuId} className="shell-user-menu">
        <p className="shell-user-email">{me.user.email}</p>
        <ul>
          <li><Link to="/app/settings" onClick={() => setOpen(false)}>Your account</Link></li>
          <li><Link to="/privacy">Privacy policy</Link></li>
          <li><button type="button" className="link-button" onClick={() => { setOpen(false); openBanner(); }}>Cookie settings</button></li>
          <li><button type="button" className="button" onClick={handleSignOut}>Sign out</button></li>
        </ul>
      </div>
      )}
    </div>
  );
}

function initialOf(name: string): string {
  return [...name.trim()][0]?.toUpperCase() ?? '?';
}
