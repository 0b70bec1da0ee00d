import type { Unsubscribe } from '@parley/shared/ipc';

/** A tiny typed event source, for the bridge's `on…` subscriptions. */
export function createListeners<T>() {
  const listeners = new Set<(value: T) => void>();
  return {
    add(listener: (value: T) => void): Unsubscribe {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
    emit(value: T): void {
      for (const listener of [...listeners]) listener(value);
    },
  };
}
