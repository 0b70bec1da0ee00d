import type { LoginRequest, RegisterRequest, SelfUser } from '@parley/shared';
import type { Result } from '@parley/shared/ipc';
import type { ParleyApi } from '@parley/shared/client';
import type { SettingsStore } from './settings-store.js';
import type { TokenStore } from './token-store.js';

export interface AuthServiceDeps {
  api: Pick<ParleyApi, 'register' | 'login' | 'logout' | 'notifications' | 'requestPasswordReset'>;
  tokens: TokenStore;
  settings: SettingsStore;
  serverUrl: () => string | null;
  /** Resolves once the remembered server is known (and a hosted one started). */
  serverReady: () => Promise<void>;
  /** Opens the socket and loads unread state for a signed-in user. */
  signedIn: (url: string, token: string, user: SelfUser) => void;
  /** Closes the socket and clears what belonged to the user. */
  signedOut: () => void;
}

/** Sign-in state. The token is stored encrypted (or kept in memory) and used here and by the REST client only. */
export class AuthService {
  private user: SelfUser | null = null;
  private ending: Promise<void> | null = null;

  constructor(private readonly deps: AuthServiceDeps) {}

  get self(): SelfUser | null {
    return this.user;
  }

  /** False when the system keyring is unavailable: a sign-in then lasts for this run only. */
  keepsSignIn(): Result<boolean> {
    return { ok: true, value: this.deps.tokens.persistent };
  }

  register(request: RegisterRequest) {
    return this.deps.api.register(request);
  }

  async requestPasswordReset(email: string): Promise<Result<null>> {
    const result = await this.deps.api.requestPasswordReset(email);
    return result.ok ? { ok: true, value: null } : result;
  }

  /**
   * The signed-in user's names changed (here or on another device): remembered, so a restart
   * shows the new ones. Another user's change, or one arriving after a sign-out, is ignored.
   */
  async rememberSelf(user: Pick<SelfUser, 'user_id' | 'first_name' | 'last_name'>): Promise<void> {
    if (!this.user || this.user.user_id !== user.user_id) return;
    this.user = { ...this.user, first_name: user.first_name, last_name: user.last_name };
    await this.deps.settings.update({ user: this.user });
  }

  async login(request: LoginRequest): Promise<Result<SelfUser>> {
    const result = await this.deps.api.login(request);
    if (!result.ok) return result;
    const { token, user } = result.value;
    await this.deps.tokens.save(token);
    await this.deps.settings.update({ user });
    this.begin(token, user);
    return { ok: true, value: user };
  }

  /** The token in use, for a sign-in handed to the background when another server comes on screen. */
  get token(): string | null {
    return this.deps.tokens.current();
  }

  /**
   * Takes over a sign-in kept behind the window (another server of the list, now on screen): its
   * token and user become this session's; the server is asked about it when the window boots.
   */
  async adopt(token: string, user: SelfUser): Promise<void> {
    await this.deps.tokens.save(token);
    await this.deps.settings.update({ user });
    this.begin(token, user);
  }

  /** Revokes the token on the server when it can; forgets it here in any case. */
  async logout(): Promise<Result<null>> {
    if (this.deps.tokens.current() !== null) await this.deps.api.logout();
    await this.endLocally();
    return { ok: true, value: null };
  }

  /**
   * The stored session, if the server still honours it. When the server cannot be reached the
   * user stays signed in and the connection keeps trying; only an explicit 401 signs them out.
   */
  async session(): Promise<Result<SelfUser | null>> {
    await this.deps.serverReady();
    const token = await this.deps.tokens.load();
    const { user } = await this.deps.settings.read();
    if (!token || !user || !this.deps.serverUrl()) return { ok: true, value: null };
    const probe = await this.deps.api.notifications();
    if (!probe.ok && probe.error.code === 'unauthorized') {
      await this.endLocally();
      return { ok: true, value: null };
    }
    if (this.user?.user_id !== user.user_id) this.begin(token, user);
    return { ok: true, value: user };
  }

  /**
   * The server refused the token (socket handshake or a 401), or the server changed. Several of
   * these can come at once (a logout's 401s and its refused reconnect): they share one ending, so
   * the stores are written once.
   */
  endLocally(): Promise<void> {
    this.ending ??= this.end().finally(() => {
      this.ending = null;
    });
    return this.ending;
  }

  private async end(): Promise<void> {
    this.user = null;
    await this.deps.tokens.clear();
    await this.deps.settings.update({ user: null });
    this.deps.signedOut();
  }

  private begin(token: string, user: SelfUser): void {
    this.user = user;
    const url = this.deps.serverUrl();
    if (url) this.deps.signedIn(url, token, user);
  }
}
