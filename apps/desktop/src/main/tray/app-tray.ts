import { Menu, Tray, nativeImage, nativeTheme } from 'electron';
import type { TrayView } from '../notifications/unread-state.js';
import { trayIconPath } from './tray-icons.js';

export interface AppTrayOptions {
  iconFolder: string;
  onOpen: () => void;
  onQuit: () => void;
}

/** The tray icon: unread or not, a tooltip with the count, "Open Parley" and "Quit". */
export function createAppTray(options: AppTrayOptions) {
  let view: TrayView = { icon: 'idle', tooltip: 'Parley', badgeCount: 0 };
  const image = () => {
    // A dark system theme means a dark panel: draw the light glyph on it.
    const theme = nativeTheme.shouldUseDarkColors ? 'light' : 'dark';
    return nativeImage.createFromPath(trayIconPath(options.iconFolder, theme, view.icon === 'unread'));
  };
  const tray = new Tray(image());
  tray.setToolTip(view.tooltip);
  tray.setContextMenu(
    Menu.buildFromTemplate([
      { label: 'Open Parley', click: options.onOpen },
      { type: 'separator' },
      { label: 'Quit', click: options.onQuit },
    ]),
  );
  tray.on('click', options.onOpen);
  nativeTheme.on('updated', () => tray.setImage(image()));

  return {
    update(next: TrayView): void {
      view = next;
      tray.setImage(image());
      tray.setToolTip(next.tooltip);
    },
    destroy: () => tray.destroy(),
  };
}
