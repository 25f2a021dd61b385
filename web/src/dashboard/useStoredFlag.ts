import { useState } from 'react';

// A yes/no preference of this browser (the sidebar's state), kept across visits in localStorage.
export function useStoredFlag(key: string): [boolean, (value: boolean) => void] {
  const [value, setValue] = useState(() => readFlag(key));
  const set = (next: boolean) => {
    setValue(next);
    try {
      window.localStorage.setItem(key, next ? '1' : '0');
    } catch {
      // Storage may be off (private mode); the choice then lasts for this page only.
    }
  };
  return [value, set];
}

function readFlag(key: string): boolean {
  try {
    return window.localStorage.getItem(key) === '1';
  } catch {
    return false;
  }
}
