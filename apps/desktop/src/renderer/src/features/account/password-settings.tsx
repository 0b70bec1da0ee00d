import { useState, type FormEvent } from 'react';
import type { ErrorDetail } from '@parley/shared';
import { actions } from '../../actions/app-actions';
import { Field } from '../../ui/field';

function problem(error: ErrorDetail): string | null {
  switch (error.code) {
    case 'invalid_credentials':
      return null; // shown beside the current password
    case 'rate_limited':
      return 'Too many wrong passwords. Please wait a few minutes, then try again.';
    case 'invalid_input':
      return error.fields ? null : error.message;
    default:
      return error.message;
  }
}

export function PasswordSettings() {
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [repeat, setRepeat] = useState('');
  const [error, setError] = useState<ErrorDetail | null>(null);
  const [mismatch, setMismatch] = useState(false);
  const [done, setDone] = useState(false);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setError(null);
    setDone(false);
    setMismatch(next !== repeat);
    if (next !== repeat) return;
    setBusy(true);
    const failure = await actions.changePassword({ current_password: current, new_password: next });
    setBusy(false);
    if (failure) {
      setError(failure);
      return;
    }
    setCurrent('');
    setNext('');
    setRepeat('');
    setDone(true);
  }

  const sentence = error ? problem(error) : null;
  return (
    <section className="settings-section" aria-labelledby="settings-password">
      <h3 id="settings-password">Password</h3>
      <form className="settings-form" onSubmit={(e) => void submit(e)} noValidate>
        {sentence ? (
          <div className="alert" role="alert">
            {sentence}
          </div>
        ) : null}
        <Field
          label="Current password"
          type="password"
          autoComplete="current-password"
          value={current}
          onChange={(e) => setCurrent(e.target.value)}
          error={error?.code === 'invalid_credentials' ? 'This is not your current password.' : error?.fields?.current_password}
        />
        <div className="settings-row">
          <Field label="New password" type="password" autoComplete="new-password" value={next} onChange={(e) => setNext(e.target.value)} error={error?.fields?.new_password} />
          <Field
            label="Repeat the new password"
            type="password"
            autoComplete="new-password"
            value={repeat}
            onChange={(e) => setRepeat(e.target.value)}
            error={mismatch ? 'The two new passwords differ.' : undefined}
          />
        </div>
        <div className="settings-actions">
          {done ? (
            <span className="settings-done" role="status">
              Password changed. Your other sessions were logged out.
            </span>
          ) : null}
          <button type="submit" className="button" disabled={busy || !current || !next || !repeat}>
            Change password
          </button>
        </div>
      </form>
    </section>
  );
}
