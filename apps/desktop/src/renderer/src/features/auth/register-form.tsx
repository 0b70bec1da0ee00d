import { useState, type FormEvent } from 'react';
import { limits, registerRequestSchema, type ErrorDetail } from '@parley/shared';
import { actions } from '../../actions/app-actions';
import { Field } from '../../ui/field';
import { authErrorMessage } from './auth-errors';

type Fields = 'first_name' | 'last_name' | 'email' | 'password';

export function RegisterForm({ onSent, onLogin }: { onSent: (email: string) => void; onLogin: () => void }) {
  const [values, setValues] = useState<Record<Fields, string>>({ first_name: '', last_name: '', email: '', password: '' });
  const [error, setError] = useState<ErrorDetail | null>(null);
  const [busy, setBusy] = useState(false);

  const set = (field: Fields) => (e: { target: { value: string } }) => setValues((v) => ({ ...v, [field]: e.target.value }));

  async function submit(event: FormEvent) {
    event.preventDefault();
    // The shared schema catches what the server would refuse, with the same per-field reasons.
    const parsed = registerRequestSchema.safeParse(values);
    if (!parsed.success) {
      const fields: Record<string, string> = {};
      for (const issue of parsed.error.issues) fields[String(issue.path[0])] ??= issue.message;
      setError({ code: 'invalid_input', message: 'Some fields need another look.', fields });
      return;
    }
    setBusy(true);
    setError(null);
    const failure = await actions.register(parsed.data);
    setBusy(false);
    if (failure) setError(failure);
    else onSent(parsed.data.email);
  }

  const fieldError = (field: Fields) => error?.fields?.[field];

  return (
    <form className="auth-form" onSubmit={(e) => void submit(e)} noValidate>
      <h1>Create your account</h1>
      <p className="auth-lead">We’ll email you a link to confirm it’s you.</p>
      {error && !error.fields ? (
        <div className="alert" role="alert">
          {authErrorMessage(error)}
        </div>
      ) : null}
      <div className="auth-row">
        <Field label="First name" autoComplete="given-name" value={values.first_name} onChange={set('first_name')} error={fieldError('first_name')} autoFocus />
        <Field label="Last name" autoComplete="family-name" value={values.last_name} onChange={set('last_name')} error={fieldError('last_name')} />
      </div>
      <Field label="Email" type="email" autoComplete="email" value={values.email} onChange={set('email')} error={fieldError('email')} />
      <Field
        label="Password"
        type="password"
        autoComplete="new-password"
        value={values.password}
        onChange={set('password')}
        error={fieldError('password') ?? undefined}
        placeholder={`At least ${limits.passwordMinCodePoints} characters`}
      />
      <button type="submit" className="button" disabled={busy}>
        Create account
      </button>
      <p className="auth-switch">
        Already have an account?{' '}
        <button type="button" className="link-button" onClick={onLogin}>
          Sign in instead
        </button>
      </p>
    </form>
  );
}
