/** The argument a start at login carries, so the app opens to the tray instead of a window. */
export const hiddenFlag = '--hidden';

export interface LoginItemSettings {
  openAtLogin: boolean;
  /** macOS: start without a window (the flag below is not passed there). */
  openAsHidden: boolean;
  /** Windows: the arguments of the login item's command. */
  args: string[];
}

/** What `app.setLoginItemSettings` gets for the user's choice (macOS and Windows). */
export function loginItemSettings(openAtLogin: boolean): LoginItemSettings {
  return { openAtLogin, openAsHidden: true, args: openAtLogin ? [hiddenFlag] : [] };
}

/**
 * Whether this start was by the login item and should stay in the tray: Windows and Linux pass
 * the flag, macOS says it was opened at login as hidden.
 */
export function startsHidden(argv: readonly string[], mac: { wasOpenedAsHidden?: boolean; wasOpenedAtLogin?: boolean } | null): boolean {
  if (argv.includes(hiddenFlag)) return true;
  return mac !== null && (mac.wasOpenedAsHidden === true || mac.wasOpenedAtLogin === true);
}

/**
 * Linux has no login-item API in Electron: desktops start what `~/.config/autostart/*.desktop`
 * lists (the XDG autostart spec). The command is quoted as the Desktop Entry spec asks.
 */
export function autostartEntry(execPath: string, appImagePath: string | undefined): string {
  const command = appImagePath ?? execPath;
  const quoted = `"${command.replace(/(["`$\\])/g, '\\$1')}"`;
  return ['[Desktop Entry]', 'Type=Application', 'Name=Parley', `Exec=${quoted} ${hiddenFlag}`, 'X-GNOME-Autostart-enabled=true', 'Terminal=false', ''].join('\n');
}
