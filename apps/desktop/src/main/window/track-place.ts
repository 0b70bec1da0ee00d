import type { BrowserWindow, Screen } from 'electron';
import type { Timers } from '@parley/shared/client';
import { placeWindow, rememberWindow, type DisplayArea, type WindowPlacement, type WindowStates } from './window-state.js';

export const windowDefaults = { width: 1100, height: 720, minWidth: 720, minHeight: 480 };

function displaysOf(screen: Screen): { displays: DisplayArea[]; primaryKey: string } {
  return {
    displays: screen.getAllDisplays().map((d) => ({ key: String(d.id), workArea: d.workArea })),
    primaryKey: String(screen.getPrimaryDisplay().id),
  };
}

/** Where the window opens, from what was remembered and the displays connected now. */
export function initialPlacement(screen: Screen, states: WindowStates): WindowPlacement {
  const { displays, primaryKey } = displaysOf(screen);
  return placeWindow(states, displays, primaryKey, windowDefaults);
}

/** Remembers the window's place on its display after a move or resize settles, and on close. */
export function trackPlace(window: BrowserWindow, screen: Screen, options: { states: WindowStates; save: (states: WindowStates) => void; timers: Timers }): void {
  let states = options.states;
  let pending: unknown = null;
  const remember = () => {
    pending = null;
    if (window.isDestroyed() || window.isMinimized()) return;
    const bounds = window.getNormalBounds();
    states = rememberWindow(states, String(screen.getDisplayMatching(bounds).id), bounds, window.isMaximized());
    options.save(states);
  };
  const soon = () => {
    if (pending !== null) options.timers.clearTimeout(pending);
    pending = options.timers.setTimeout(remember, 500);
  };
  window.on('resize', soon);
  window.on('move', soon);
  window.on('maximize', soon);
  window.on('unmaximize', soon);
  window.on('close', remember);
}
