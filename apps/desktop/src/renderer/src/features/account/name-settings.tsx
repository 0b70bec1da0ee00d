import { useState, type FormEvent } from 'react';
import type { ErrorDetail } from '@parley/shared';
import { actions } from '../../actions/app-actions';
import { useApp } from '../../stores/app-store';
import { Field } from '../../ui/field';

export function NameSettings() {
  const self = useApp((s) => s.self);
  const [first, setFirst] = useState(self?.first_name ?? '');
  const [last, setLast] = useState(self?.last_name ?? '');
  const [error, setError] = useState<ErrorDetail | null>(null);
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    setSaved(false);
    const failure = await actions.updateMe({ first_name: first, last_name: last });
    setBusy(false);
    if (failure) setError(failure);
    else setSaved(true);
  }

  return (
    <section className="settings-section" aria-labelledby="settings-name">
      <h3 id="settings-name">Your name</h3>
      <form className="settings-form" onSubmit={(e) => void submit(e)} noValidate>
        {error && !error.fields ? (
          <div className="alert" role="alert">
            {error.code === 'rate_limited' ? 'You changed your name often just now. Try again later.' : error.message}
          </div>
        ) : null}
        <div className="settings-row">
          <Field label="First name" autoComplete="given-name" value={first} onChange={(e) => setFirst(e.target.value)} error={error?.fields?.first_name} maxLength={200} />
          <Field label="Last name" autoComplete="family-name" value={last} onChange={(e) => setLast(e.target.value)} error={error?.fields?.last_name} maxLength={200} />
        </div>
        <div className="settings-actions">
          {saved ? (
            <span className="settings-done" role="status">
              Saved. Everyone sees the new name.
            </span>
          ) : null}
          <button type="submit" className="button" disabled={busy || !first.trim() || !last.trim()}>
            Save name
          </button>
        </div>
      </form>
    </section>
  );
}
