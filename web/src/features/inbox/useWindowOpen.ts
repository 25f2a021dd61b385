import { useEffect, useState } from 'react';

// Whether the 24-hour customer service window is open; flips by itself the moment it closes.
export function useWindowOpen(windowExpiresAt: string | null): boolean {
  const expires = windowExpiresAt ? Date.parse(windowExpiresAt) : 0;
  const [, setTick] = useState(0);
  const open = expires > Date.now();
  useEffect(() => {
    if (!open) return;
    // setTimeout holds at most ~24.8 days; the window is 24 hours (72 for free entry points).
    const timer = setTimeout(() => setTick((t) => t + 1), expires - Date.now() + 50);
    return () => clearTimeout(timer);
  }, [open, expires]);
  return open;
}
