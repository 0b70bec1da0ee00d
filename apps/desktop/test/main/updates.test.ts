import { beforeEach, describe, expect, it } from 'vitest';
import { UpdateController, checkEveryMs, type UpdaterPort } from '../../src/main/updates/update-controller.js';
import { chooseUpdateFeed, feedFileFor } from '../../src/main/updates/update-feed.js';
import { nextUpdateState, type UpdateState, type UpdaterReport } from '../../src/main/updates/update-state.js';
import { FakeTimers } from '../../../../packages/shared/test/client/fakes/fake-timers.js';

/** electron-updater as the test drives it: each check answers with the reports queued for it. */
class FakeUpdater implements UpdaterPort {
  feed: string | null = null;
  checks = 0;
  installs = 0;
  answers: (UpdaterReport[] | Error)[] = [];
  private listener: ((report: UpdaterReport) => void) | null = null;

  configure(feedUrl: string): void {
    this.feed = feedUrl;
  }
  onReport(listener: (report: UpdaterReport) => void): void {
    this.listener = listener;
  }
  check(): Promise<void> {
    this.checks++;
    const answer = this.answers.shift() ?? [{ type: 'checking' }, { type: 'not-available' }];
    if (answer instanceof Error) return Promise.reject(answer);
    for (const report of answer) this.report(report);
    return Promise.resolve();
  }
  report(report: UpdaterReport): void {
    this.listener?.(report);
  }
  quitAndInstall(): void {
    this.installs++;
  }
}

describe('update states', () => {
  const idle: UpdateState = { status: 'idle' };
  it('check → available → progress → downloaded', () => {
    let state = nextUpdateState(idle, { type: 'checking' });
    state = nextUpdateState(state, { type: 'available', version: '0.2.0' });
    state = nextUpdateState(state, { type: 'progress', percent: 41.6 });
    expect(state).toEqual({ status: 'downloading', version: '0.2.0', percent: 42 });
    expect(nextUpdateState(state, { type: 'downloaded', version: '0.2.0' })).toEqual({ status: 'ready', version: '0.2.0' });
  });

  it('a ready update stays offered whatever later reports say; off stays off', () => {
    const ready: UpdateState = { status: 'ready', version: '0.2.0' };
    for (const report of [{ type: 'checking' }, { type: 'not-available' }, { type: 'error', message: 'x' }] as const) expect(nextUpdateState(ready, report)).toBe(ready);
    const off: UpdateState = { status: 'off', reason: 'development' };
    expect(nextUpdateState(off, { type: 'available', version: '9.9.9' })).toBe(off);
  });

  it('an error fails the attempt; a late progress report outside a download changes nothing', () => {
    expect(nextUpdateState(idle, { type: 'error', message: 'sha512 checksum mismatch' })).toEqual({ status: 'failed', message: 'sha512 checksum mismatch' });
    expect(nextUpdateState(idle, { type: 'progress', percent: 50 })).toBe(idle);
  });
});

describe('the update feed', () => {
  const never = () => Promise.resolve(false);
  const always = () => Promise.resolve(true);
  it('is off in development whatever is configured', async () => {
    expect(await chooseUpdateFeed({ isPackaged: false, updateUrl: 'https://updates.example.com', serverUrl: null }, always)).toEqual({ off: 'development' });
  });

  it('UPDATE_URL wins, over https only', async () => {
    expect(await chooseUpdateFeed({ isPackaged: true, updateUrl: 'https://updates.example.com/parley', serverUrl: 'https://chat.example.com' }, always)).toEqual({
      url: 'https://updates.example.com/parley/',
      source: 'UPDATE_URL',
    });
    expect(await chooseUpdateFeed({ isPackaged: true, updateUrl: 'http://updates.example.com', serverUrl: null }, always)).toEqual({ off: 'no feed' });
  });

  it('else the team server’s /updates/ when it serves installers, never a plain-HTTP one', async () => {
    const asked: string[] = [];
    const probe = (url: string) => {
      asked.push(url);
      return Promise.resolve(true);
    };
    expect(await chooseUpdateFeed({ isPackaged: true, updateUrl: undefined, serverUrl: 'https://chat.example.com' }, probe)).toEqual({ url: 'https://chat.example.com/updates/', source: 'team server' });
    expect(asked).toEqual(['https://chat.example.com/updates/']);
    expect(await chooseUpdateFeed({ isPackaged: true, updateUrl: '', serverUrl: 'https://chat.example.com' }, never)).toEqual({ off: 'no feed' });
    expect(await chooseUpdateFeed({ isPackaged: true, updateUrl: undefined, serverUrl: 'http://192.168.1.20:3000' }, always)).toEqual({ off: 'no feed' });
    expect(await chooseUpdateFeed({ isPackaged: true, updateUrl: undefined, serverUrl: null }, always)).toEqual({ off: 'no feed' });
  });

  it('names the file electron-builder publishes for each platform', () => {
    expect([feedFileFor('win32'), feedFileFor('darwin'), feedFileFor('linux')]).toEqual(['latest.yml', 'latest-mac.yml', 'latest-linux.yml']);
  });
});

describe('the update controller', () => {
  let timers: FakeTimers;
  let updater: FakeUpdater;
  let states: UpdateState[];
  let controller: UpdateController;
  const flush = () => new Promise((resolve) => setImmediate(resolve));
  beforeEach(() => {
    timers = new FakeTimers();
    updater = new FakeUpdater();
    states = [];
    controller = new UpdateController({ updater, timers, changed: (s) => states.push(s), log: () => undefined });
  });

  it('with the feed off it neither configures nor checks', () => {
    controller.start({ off: 'no feed' });
    timers.advance(checkEveryMs * 3);
    expect([updater.feed, updater.checks]).toEqual([null, 0]);
    expect(controller.state).toEqual({ status: 'off', reason: 'no feed' });
  });

  it('checks at start and every four hours on a generic feed', async () => {
    controller.start({ url: 'https://updates.example.com/', source: 'UPDATE_URL' });
    await flush();
    expect([updater.feed, updater.checks]).toEqual(['https://updates.example.com/', 1]);
    timers.advance(checkEveryMs - 1);
    expect(updater.checks).toBe(1);
    timers.advance(1);
    await flush();
    expect(updater.checks).toBe(2);
    expect(controller.state).toEqual({ status: 'idle' });
  });

  it('downloads in the background and offers a restart, never restarting by itself', async () => {
    updater.answers.push([{ type: 'checking' }, { type: 'available', version: '0.2.0' }]);
    controller.start({ url: 'https://updates.example.com/', source: 'UPDATE_URL' });
    await flush();
    updater.report({ type: 'progress', percent: 60 });
    updater.report({ type: 'downloaded', version: '0.2.0' });
    expect(controller.state).toEqual({ status: 'ready', version: '0.2.0' });
    timers.advance(checkEveryMs * 5);
    await flush();
    expect(updater.checks).toBe(1); // nothing more to look for while an update waits
    expect(updater.installs).toBe(0);
    controller.restartToUpdate();
    expect(updater.installs).toBe(1);
    expect(states).toEqual([{ status: 'checking' }, { status: 'downloading', version: '0.2.0', percent: 0 }, { status: 'downloading', version: '0.2.0', percent: 60 }, { status: 'ready', version: '0.2.0' }]);
  });

  it('a failed check (a bad checksum, the feed away) is retried at the next interval', async () => {
    updater.answers.push(new Error('net::ERR_NAME_NOT_RESOLVED'));
    controller.start({ url: 'https://updates.example.com/', source: 'UPDATE_URL' });
    await flush();
    expect(controller.state).toEqual({ status: 'failed', message: 'net::ERR_NAME_NOT_RESOLVED' });
    controller.restartToUpdate();
    expect(updater.installs).toBe(0);
    timers.advance(checkEveryMs);
    await flush();
    expect(controller.state).toEqual({ status: 'idle' });
  });
});
