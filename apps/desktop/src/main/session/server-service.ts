import type { OutboxLink, Result, ServerChoice } from '@parley/shared/ipc';
import type { HostRequest, HostedServer } from '../host/local-host.js';
import type { Settings, SettingsStore } from './settings-store.js';

export interface ServerServiceDeps {
  settings: SettingsStore;
  checkHealth: (url: string) => Promise<Result<string>>;
  host: {
    start(request: HostRequest): Promise<Result<HostedServer>>;
    stop(): Promise<void>;
    readonly current: HostedServer | null;
  };
  readOutbox: () => Promise<OutboxLink[]>;
  /** The server changed or was forgotten: the session of the old one no longer applies. */
  onServerChanged: (url: string | null) => Promise<void>;
}

/** Which server this app talks to: one the user joined, or one hosted on this computer. */
export class ServerService {
  private choice: ServerChoice | null = null;
  private restoring: Promise<ServerChoice | null> = Promise.resolve(null);

  constructor(private readonly deps: ServerServiceDeps) {}

  /** The server in the window, as last chosen (before `restore()` is done: null). */
  get chosen(): ServerChoice | null {
    return this.choice;
  }

  /** The origin REST and the socket talk to. */
  get url(): string | null {
    return this.choice?.url ?? null;
  }

  /**
   * Restores the remembered choice at start; a hosted server is started again on its old port.
   * The window may ask before this is done: `current()` and `whenRestored()` wait for it, so a
   * remembered server is never mistaken for a first run.
   */
  restore(): Promise<ServerChoice | null> {
    // A hosted server that fails to start again leaves the choice as remembered: the connection
    // keeps retrying and the user can pick another server; start-up itself never fails on it.
    this.restoring = this.load().catch(() => this.choice);
    return this.restoring;
  }

  async whenRestored(): Promise<void> {
    await this.restoring;
  }

  private async load(): Promise<ServerChoice | null> {
    const settings = await this.deps.settings.read();
    this.choice = settings.server;
    if (this.choice?.mode === 'host') {
      const started = await this.deps.host.start(hostRequest(settings));
      if (started.ok) await this.remember(hostChoice(started.value), started.value.port);
    }
    return this.choice;
  }

  async current(): Promise<Result<ServerChoice | null>> {
    await this.restoring;
    return { ok: true, value: this.choice };
  }

  async join(url: string): Promise<Result<ServerChoice>> {
    const checked = await this.deps.checkHealth(url);
    if (!checked.ok) return checked;
    const choice: ServerChoice = { mode: 'remote', url: checked.value };
    await this.switchTo(choice, null);
    return { ok: true, value: choice };
  }

  /** Hosts on this computer: for this computer only unless the user chose to share it. */
  async host(): Promise<Result<ServerChoice>> {
    return this.startHost(await this.deps.settings.read());
  }

  /** Remembers whether others on the network may join, and restarts the hosted server to match. */
  async setSharing(share: boolean): Promise<Result<ServerChoice>> {
    await this.restoring;
    if (this.choice?.mode !== 'host') {
      return { ok: false, error: { code: 'not_found', message: 'Only a server hosted on this computer can be shared.' } };
    }
    return this.startHost(await this.deps.settings.update({ shareOnNetwork: share }));
  }

  private async startHost(settings: Settings): Promise<Result<ServerChoice>> {
    const started = await this.deps.host.start(hostRequest(settings));
    if (!started.ok) return started;
    const choice = hostChoice(started.value);
    await this.switchTo(choice, started.value.port);
    return { ok: true, value: choice };
  }

  /**
   * Puts another server in the window without signing anyone out: the one it replaces stays
   * signed in behind (several servers), and a hosted server keeps running for its colleagues.
   */
  async adopt(choice: ServerChoice): Promise<void> {
    await this.restoring;
    this.choice = choice;
    await this.deps.settings.update({ server: choice });
  }

  /** Starts the hosted server for a sign-in kept behind the window (it may not be the one on screen). */
  async keepHosting(): Promise<Result<ServerChoice>> {
    if (this.deps.host.current) return { ok: true, value: hostChoice(this.deps.host.current) };
    const started = await this.deps.host.start(hostRequest(await this.deps.settings.read()));
    if (!started.ok) return started;
    await this.deps.settings.update({ hostPort: started.value.port });
    return { ok: true, value: hostChoice(started.value) };
  }

  /** Stops the hosted server once no server of the list is it any more. */
  async stopHosting(): Promise<void> {
    if (this.choice?.mode !== 'host') await this.deps.host.stop();
  }

  async outbox(): Promise<Result<OutboxLink[]>> {
    if (this.choice?.mode !== 'host') {
      return { ok: false, error: { code: 'not_found', message: 'Only a server hosted on this computer has an outbox.' } };
    }
    return { ok: true, value: await this.deps.readOutbox() };
  }

  async forget(): Promise<Result<null>> {
    const wasHosting = this.choice?.mode === 'host';
    this.choice = null;
    await this.deps.settings.update({ server: null });
    await this.deps.onServerChanged(null);
    if (wasHosting) await this.deps.host.stop();
    return { ok: true, value: null };
  }

  private async switchTo(choice: ServerChoice, hostPort: number | null): Promise<void> {
    const changed = this.choice?.url !== choice.url;
    const wasHosting = this.choice?.mode === 'host' && choice.mode !== 'host';
    await this.remember(choice, hostPort);
    if (changed) await this.deps.onServerChanged(choice.url);
    if (wasHosting) await this.deps.host.stop();
  }

  private async remember(choice: ServerChoice, hostPort: number | null): Promise<void> {
    this.choice = choice;
    await this.deps.settings.update(hostPort === null ? { server: choice } : { server: choice, hostPort });
  }
}

function hostChoice(hosted: HostedServer): ServerChoice {
  return { mode: 'host', url: hosted.url, shared: hosted.shared, shareUrls: hosted.shareUrls };
}

function hostRequest(settings: Settings): HostRequest {
  return { preferredPort: settings.hostPort, shareOnNetwork: settings.shareOnNetwork };
}
