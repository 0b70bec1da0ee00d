import { homedir } from 'node:os';
import { join } from 'node:path';
import { app } from 'electron';
import { realTimers } from '@parley/shared/client';
import { DndController } from '../dnd/dnd-controller.js';
import { trayLook } from '../dnd/dnd-tray.js';
import { pauseLabel } from '../dnd/dnd-window.js';
import { LoginItemService } from '../login-item/login-item-service.js';
import { trayView, type TrayView } from '../notifications/unread-state.js';
import type { PreferencesStore } from '../preferences/preferences-store.js';
import { electronUpdaterPort } from '../updates/electron-updater-port.js';
import { UpdateController } from '../updates/update-controller.js';
import { createAppTray } from './app-tray.js';

/**
 * The tray and what its menu controls: do not disturb, start at login and the update offer. The
 * icon, tooltip and badge are the unread view with the pause laid over it.
 */
export async function createTrayControls(options: { iconFolder: string; preferences: PreferencesStore; reveal: () => void; log: (line: string) => void }) {
  const { preferences } = options;
  let unreadView: TrayView = trayView(0);
  const timeFormat = new Intl.DateTimeFormat(undefined, { hour: 'numeric', minute: '2-digit' });

  const render = () => {
    const until = dnd.pausedUntil;
    const label = until && pauseLabel(until, new Date(), (date) => timeFormat.format(date));
    tray.update(trayLook(unreadView, label));
    tray.setMenu({ pausedLabel: label, updateReady: updates.state.status === 'ready', openAtLogin: loginItem.openAtLogin });
    app.setBadgeCount(unreadView.badgeCount);
  };

  const dnd = new DndController({
    now: () => new Date(),
    timers: realTimers,
    load: async () => (await preferences.read()).dndUntil,
    save: async (dndUntil) => void (await preferences.update({ dndUntil })),
    changed: render,
  });
  const updates = new UpdateController({ updater: electronUpdaterPort(), timers: realTimers, changed: render, log: options.log });
  const loginItem = new LoginItemService({
    platform: process.platform,
    setLoginItemSettings: (settings) => app.setLoginItemSettings(settings),
    autostartFile: join(process.env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), 'autostart', 'parley.desktop'),
    execPath: process.execPath,
    appImagePath: process.env.APPIMAGE,
    load: async () => (await preferences.read()).openAtLogin,
    save: async (openAtLogin) => void (await preferences.update({ openAtLogin })),
  });
  const tray = createAppTray({
    iconFolder: options.iconFolder,
    actions: {
      open: options.reveal,
      pause: (choice) => void dnd.pause(choice),
      resume: () => void dnd.resume(),
      restartToUpdate: () => updates.restartToUpdate(),
      setOpenAtLogin: (on) => void loginItem.set(on).then(render),
      quit: () => app.quit(),
    },
  });

  await Promise.all([dnd.restore(), loginItem.restore()]);
  render();
  return {
    dnd,
    updates,
    /** The unread view changed (the unread center renders here). */
    showUnread(view: TrayView): void {
      unreadView = view;
      render();
    },
    destroy: () => tray.destroy(),
  };
}
