import type { MenuItemConstructorOptions } from 'electron';
import type { DndChoice } from '../dnd/dnd-window.js';

export interface TrayMenuState {
  /** "until 15:30" while notifications are paused, else null. */
  pausedLabel: string | null;
  /** "Restart to update" appears once an update is downloaded. */
  updateReady: boolean;
  openAtLogin: boolean;
}

export interface TrayMenuActions {
  open: () => void;
  pause: (choice: DndChoice) => void;
  resume: () => void;
  restartToUpdate: () => void;
  setOpenAtLogin: (on: boolean) => void;
  quit: () => void;
}

/** The tray's menu: open, do not disturb, start at login, a quiet update offer when there is one, quit. */
export function trayMenuTemplate(state: TrayMenuState, act: TrayMenuActions): MenuItemConstructorOptions[] {
  const dnd: MenuItemConstructorOptions[] = state.pausedLabel
    ? [
        { label: `Notifications paused ${state.pausedLabel}`, enabled: false },
        { label: 'Resume notifications', click: act.resume },
      ]
    : [
        {
          label: 'Pause notifications',
          submenu: [
            { label: 'For 30 minutes', click: () => act.pause('half-hour') },
            { label: 'For 1 hour', click: () => act.pause('hour') },
            { label: 'Until tomorrow', click: () => act.pause('tomorrow') },
          ],
        },
      ];
  return [
    { label: 'Open Parley', click: act.open },
    { type: 'separator' },
    ...dnd,
    { type: 'separator' },
    { label: 'Start Parley at login', type: 'checkbox', checked: state.openAtLogin, click: (item) => act.setOpenAtLogin(item.checked) },
    { type: 'separator' },
    ...(state.updateReady ? [{ label: 'Restart to update', click: act.restartToUpdate }, { type: 'separator' } as const] : []),
    { label: 'Quit', click: act.quit },
  ];
}
