import type { ChangePasswordRequest, SelfUser, SessionsResponse, UpdateMeRequest } from '@parley/shared';
import { endOtherSessions, type ParleyApi } from '@parley/shared/client';
import type { Result } from '@parley/shared/ipc';

export interface AccountServiceDeps {
  api: Pick<ParleyApi, 'changePassword' | 'sessions' | 'endSession' | 'updateMe'>;
  /** Remembers the signed-in user's new names (they are shown again after a restart). */
  rememberSelf: (user: SelfUser) => Promise<void>;
}

const done = <T>(result: Result<T>): Result<null> => (result.ok ? { ok: true, value: null } : result);

/** The signed-in user's own account, through the REST client that holds the token. */
export class AccountService {
  constructor(private readonly deps: AccountServiceDeps) {}

  async changePassword(request: ChangePasswordRequest): Promise<Result<null>> {
    return done(await this.deps.api.changePassword(request));
  }

  sessions(): Promise<Result<SessionsResponse>> {
    return this.deps.api.sessions();
  }

  async endSession(sessionId: number): Promise<Result<null>> {
    return done(await this.deps.api.endSession(sessionId));
  }

  endOtherSessions(): Promise<Result<{ ended: number }>> {
    return endOtherSessions(this.deps.api);
  }

  async updateMe(request: UpdateMeRequest): Promise<Result<SelfUser>> {
    const result = await this.deps.api.updateMe(request);
    if (!result.ok) return result;
    await this.deps.rememberSelf(result.value.user);
    return { ok: true, value: result.value.user };
  }
}
