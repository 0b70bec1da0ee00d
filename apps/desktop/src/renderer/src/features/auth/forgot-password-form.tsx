import { useState, type FormEvent } from 'react';
import type { ErrorDetail } from '@parley/shared';
import { actions } from '../../actions/app-actions';
import { useApp } from '../../stores/app-store';
import { OutboxLinks } from '../first-run/outbox-links';
import { Field } from '../../ui/field';
import { authErrorMessage } from './auth-errors';

/** Asks for a reset link. The server answers alike for every address, so the next view does too. */
export function ForgotPasswordForm({ initialEmail, onSent, onLogin }: {
  initialEmail: string;
  onSent: (email: string) => void;
  onLogin: () => void;
}) {
  const [email, setEmail] = useState(initialEmail);
  const [error, setError] = useState<ErrorDetail | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    const failure = await actions.requestPasswordReset(email);
    setBusy(false);
    if (failure) setError(failure);
    else onSent(email.trim());
  }

  return (
    <form className="auth-form" onSubmit={(e) => void submit(e)} noValidate>
      <h1>Forgot your password?</h1>
      <p className="auth-lead">Enter the email address of your account and we will mail you a link to choose a new password.</p>
      {error ? (
        <div className="alert" role="alert">
          {error.code === 'invalid_input' ? 'Enter a valid email address.' : authErrorMessage(error)}
        </div>
      ) : null}
      <Field label="Email" type="email" autoComplete="username" value={email} onChange={(e) => setEmail(e.target.value)} error={error?.fields?.email} autoFocus required />
      <button type="submit" className="button" disabled={busy || !email.trim()}>
        Send reset link
      </button>
      <p className="auth-switch">
        Remembered it?{' '}
        <button type="button" className="link-button" onClick={onLogin}>
          Back to sign-in
        </button>
      </p>
    </form>
  );
}

export function ResetSent({ email, onDone }: { email: string; onDone: () => void }) {
  const hosting = useApp((s) => s.server?.mode === 'host');
  return (
    <div className="auth-form">
      <div className="auth-icon" aria-hidden="true">
        ✉
      </div>
      <h1>Check your email</h1>
      <p className="auth-lead">
        If <strong>{email}</strong> belongs to a Parley account, we sent it a link to choose a new password. The link works
        for one hour.
      </p>
      {hosting ? <OutboxLinks /> : null}
      <button type="button" className="button" onClick={onDone}>
        Back to sign-in
      </button>
    </div>
  );
}
