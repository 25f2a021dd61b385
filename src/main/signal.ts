/**
 * A notification between two parts the composition root builds, when the one that notifies is
 * built before the one that listens (ingress before the envelope processor, automation before the
 * sender, sign-up before the sandbox's simulator): both get the signal at construction, and
 * listeners subscribe when they start. Listeners run in order; notify resolves when all are done.
 */
export interface Signal<T = void> {
  notify(value: T): Promise<void>;
  subscribe(listener: (value: T) => void | Promise<void>): () => void;
}

export function createSignal<T = void>(): Signal<T> {
  const listeners = new Set<(value: T) => void | Promise<void>>();
  return {
    async notify(value) {
      for (const listener of [...listeners]) await listener(value);
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
  };
}
