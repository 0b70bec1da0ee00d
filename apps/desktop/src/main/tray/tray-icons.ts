import { join } from 'node:path';

export type TrayTheme = 'light' | 'dark';

/**
 * Tray icon files: for a dark taskbar/menu bar a light glyph and the other way round, each with
 * an unread variant, and a "paused" glyph (do not disturb) with its own unread variant. Packaged
 * builds ship them as resources; development reads build/tray.
 */
export function trayIconPath(folder: string, theme: TrayTheme, unread: boolean, paused = false): string {
  return join(folder, `tray-${theme}${paused ? '-paused' : ''}${unread ? '-unread' : ''}.png`);
}
