import { Menu, Tray, nativeImage, nativeTheme } from 'electron';
import type { TrayLook } from '../dnd/dnd-tray.js';
import { trayIconPath } from './tray-icons.js';
import { trayMenuTemplate, type TrayMenuActions, type TrayMenuState } from './tray-menu.js';

export interface AppTrayOptions {
  iconFolder: string;
  actions: TrayMenuActions;
}

/** The tray icon (unread, paused), its tooltip, and the menu of `trayMenuTemplate`. */
export function createAppTray(options: AppTrayOptions) {
  let look: TrayLook = { icon: 'idle', tooltip: 'Parley', badgeCount: 0, paused: false };
  let menu: TrayMenuState = { pausedLabel: null, updateReady: false, openAtLogin: false };
  const image = () => {
    // A dark system theme means a dark panel: draw the light glyph on it.
    const theme = nativeTheme.shouldUseDarkColors ? 'light' : 'dark';
    return nativeImage.createFromPath(trayIconPath(options.iconFolder, theme, look.icon === 'unread', look.paused));
  };
  const tray = new Tray(image());
  const rebuildMenu = () => tray.setContextMenu(Menu.buildFromTemplate(trayMenuTemplate(menu, options.actions)));
  tray.setToolTip(look.tooltip);
  rebuildMenu();
  tray.on('click', options.actions.open);
  nativeTheme.on('updated', () => tray.setImage(image()));

  return {
    update(next: TrayLook): void {
      look = next;
      tray.setImage(image());
      tray.setToolTip(next.tooltip);
    },
    setMenu(next: TrayMenuState): void {
      if (next.pausedLabel === menu.pausedLabel && next.updateReady === menu.updateReady && next.openAtLogin === menu.openAtLogin) return;
      menu = next;
      rebuildMenu();
    },
    destroy: () => tray.destroy(),
  };
}
