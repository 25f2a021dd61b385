import { useEffect } from 'react';

// Each page names itself, so tabs, history and screen readers tell pages apart.
export function usePageTitle(title: string): void {
  useEffect(() => {
    document.title = `${title} · WhatGrowPro`;
  }, [title]);
}
