import type { TrayView } from '../notifications/unread-state.js';

export interface TrayLook extends TrayView {
  /** Drawn with the paused glyph while notifications are paused. */
  paused: boolean;
}

/** The unread view with the pause laid over it: the count stays, the tooltip says until when. */
export function trayLook(view: TrayView, pausedLabel: string | null): TrayLook {
  if (pausedLabel === null) return { ...view, paused: false };
  return { ...view, paused: true, tooltip: `${view.tooltip} — notifications paused ${pausedLabel}` };
}
