import type { ParleyBridge } from './bridge.js';

/**
 * What the desktop preload adds to `window`. The renderer reads it as
 * `(window as Window & ParleyWindow).parley`: present in Electron, absent in a browser.
 */
export interface ParleyWindow {
  parley?: ParleyBridge;
}
