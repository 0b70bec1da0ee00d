/** Where the app is with updates. Nothing here ever restarts the app: only the user does. */
export type UpdateState =
  | { status: 'off'; reason: 'development' | 'no feed' }
  | { status: 'idle' }
  | { status: 'checking' }
  | { status: 'downloading'; version: string; percent: number }
  | { status: 'ready'; version: string }
  | { status: 'failed'; message: string };

/** What the updater reports (electron-updater's events, reduced to what the state needs). */
export type UpdaterReport =
  | { type: 'checking' }
  | { type: 'available'; version: string }
  | { type: 'not-available' }
  | { type: 'progress'; percent: number }
  | { type: 'downloaded'; version: string }
  | { type: 'error'; message: string };

export function nextUpdateState(state: UpdateState, report: UpdaterReport): UpdateState {
  // Off stays off; a downloaded update stays ready until the user restarts (a later check finding
  // the same or nothing must not take the offer away).
  if (state.status === 'off' || state.status === 'ready') return state;
  switch (report.type) {
    case 'checking':
      return state.status === 'downloading' ? state : { status: 'checking' };
    case 'available':
      return { status: 'downloading', version: report.version, percent: 0 };
    case 'not-available':
      return { status: 'idle' };
    case 'progress':
      return state.status === 'downloading' ? { ...state, percent: Math.max(0, Math.min(100, Math.round(report.percent))) } : state;
    case 'downloaded':
      return { status: 'ready', version: report.version };
    case 'error':
      return { status: 'failed', message: report.message };
  }
}

/** Whether a scheduled check should run now (not while one is under way or an update waits). */
export function shouldCheck(state: UpdateState): boolean {
  return state.status === 'idle' || state.status === 'failed';
}
