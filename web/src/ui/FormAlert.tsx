import type { ReactNode } from 'react';

// Form-level errors (the server refused, the network failed): announced as soon as they appear.
export function FormAlert({ children }: { children: ReactNode }) {
  return (
    <div className="form-alert" role="alert">
      {children}
    </div>
  );
}
