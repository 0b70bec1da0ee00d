import { useId, useRef, useState, type FormEvent } from 'react';
import type { ErrorDetail } from '@parley/shared';
import { actions } from '../../actions/app-actions';
import { Field } from '../../ui/field';
import { authErrorMessage } from './auth-errors';
import { loginBlocker } from './login-readiness';

export function LoginForm({ onRegister, onForgot }: { onRegister: () => void; onForgot: (email: string) => void }) {
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<ErrorDetail | null>(null);
  const [busy, setBusy] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  const reasonId = useId();
  const blocker = loginBlocker({ email, password });

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    if (blocker) {
      // The button stays focusable so its reason is heard; pressing it leads to what is missing.
      const missing = formRef.current?.querySelector<HTMLInputElement>(email.trim() ? 'input[type="password"]' : 'input[type="email"]');
      missing?.focus();
      return;
    }
    setBusy(true);
    setError(null);
    performance.mark('parley:login-click');
    const failure = await actions.login({ email, password });
    setBusy(false);
    if (failure) setError(failure);
  }

  return (
    <form ref={formRef} className="auth-form" onSubmit={(e) => void submit(e)} noValidate>
      <h1>Welcome back</h1>
      <p className="auth-lead">Log in to pick up where your team left off.</p>
      {error ? (
        <div className="alert" role="alert">
          {authErrorMessage(error)}
        </div>
      ) : null}
      <Field label="Email" type="email" autoComplete="username" value={email} onChange={(e) => setEmail(e.target.value)} error={error?.fields?.email} autoFocus required />
      <Field label="Password" type="password" autoComplete="current-password" value={password} onChange={(e) => setPassword(e.target.value)} error={error?.fields?.password} required />
      <button type="submit" className="button" aria-disabled={busy || blocker !== null} aria-describedby={blocker ? reasonId : undefined}>
        Log in
      </button>
      {blocker ? (
        <p id={reasonId} className="auth-reason">
          {blocker}
        </p>
      ) : null}
      <p className="auth-switch">
        <button type="button" className="link-button" onClick={() => onForgot(email)}>
          Forgot password?
        </button>
      </p>
      <p className="auth-switch">
        New to Parley?{' '}
        <button type="button" className="link-button" onClick={onRegister}>
          Create an account
        </button>
      </p>
    </form>
  );
}
