import { mkdir, rm, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { autostartEntry, loginItemSettings, type LoginItemSettings } from './login-item.js';

export interface LoginItemDeps {
  platform: NodeJS.Platform;
  setLoginItemSettings: (settings: LoginItemSettings) => void;
  /** `~/.config/autostart/parley.desktop` (Linux). */
  autostartFile: string;
  execPath: string;
  /** Set by AppImage: the file to start, not the mounted binary inside it. */
  appImagePath: string | undefined;
  load: () => Promise<boolean>;
  save: (openAtLogin: boolean) => Promise<void>;
}

/** Start at login: off unless chosen; the OS is told on every change and again at each start. */
export class LoginItemService {
  private enabled = false;

  constructor(private readonly deps: LoginItemDeps) {}

  get openAtLogin(): boolean {
    return this.enabled;
  }

  async restore(): Promise<void> {
    this.enabled = await this.deps.load();
    // Said again at start, so a moved or updated app still starts from where it is now.
    if (this.enabled) await this.apply();
  }

  async set(openAtLogin: boolean): Promise<void> {
    this.enabled = openAtLogin;
    await this.deps.save(openAtLogin);
    await this.apply();
  }

  private async apply(): Promise<void> {
    if (this.deps.platform === 'linux') {
      if (this.enabled) {
        await mkdir(dirname(this.deps.autostartFile), { recursive: true });
        await writeFile(this.deps.autostartFile, autostartEntry(this.deps.execPath, this.deps.appImagePath));
      } else {
        await rm(this.deps.autostartFile, { force: true });
      }
      return;
    }
    this.deps.setLoginItemSettings(loginItemSettings(this.enabled));
  }
}
