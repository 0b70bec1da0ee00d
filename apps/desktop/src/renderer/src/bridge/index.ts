import type { ParleyBridge } from '@parley/shared/ipc';
import { createWebBridge } from './web';

declare global {
  interface Window {
    /** Exposed by the desktop preload; absent in a plain browser. */
    parley?: ParleyBridge;
  }
}

/** The desktop preload's bridge when there is one, else the in-page web implementation. */
export const bridge: ParleyBridge = window.parley ?? createWebBridge();
