/** Chromium zoom levels: 0 is 100 %; each whole level is 20 % more (or less). */
export const zoomStep = 0.5;
export const minZoomLevel = -3;
export const maxZoomLevel = 5;

export type ZoomCommand = 'in' | 'out' | 'reset';

/** The parts of Electron's `before-input-event` input the shortcuts read. */
export interface KeyInput {
  type: string;
  key: string;
  control: boolean;
  meta: boolean;
  alt: boolean;
}

/** Ctrl (Cmd on a Mac) with + or = (zoom in), − (out), 0 (back to 100 %). */
export function zoomCommandOf(input: KeyInput, platform: NodeJS.Platform): ZoomCommand | null {
  if (input.type !== 'keyDown' || input.alt) return null;
  const accel = platform === 'darwin' ? input.meta : input.control;
  if (!accel) return null;
  if (input.key === '+' || input.key === '=') return 'in';
  if (input.key === '-' || input.key === '_') return 'out';
  if (input.key === '0') return 'reset';
  return null;
}

export function nextZoomLevel(level: number, command: ZoomCommand): number {
  if (command === 'reset') return 0;
  const next = level + (command === 'in' ? zoomStep : -zoomStep);
  return Math.min(maxZoomLevel, Math.max(minZoomLevel, Math.round(next / zoomStep) * zoomStep));
}
