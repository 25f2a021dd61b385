import { useEffect, useRef } from 'react';

// Each step's heading takes keyboard focus when the step appears, so screen readers announce where
// the wizard is and Tab continues from the top of the new step.
export function StepHeading({ children }: { children: string }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => ref.current?.focus(), []);
  return <h2 id="wizard-step-title" ref={ref} tabIndex={-1}>{children}</h2>;
}
