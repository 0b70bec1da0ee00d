import type { ParleyBridge } from '@parley/shared/ipc';
import type { AppStore } from '../stores/app-store';

/** What every action needs, passed in so tests can use a fresh store and a fake bridge. */
export interface ActionContext {
  store: AppStore;
  bridge: ParleyBridge;
  newClientId: () => string;
  now: () => Date;
  /** Whether the user can see the window; messages are only marked read when they can. */
  isVisible: () => boolean;
}
