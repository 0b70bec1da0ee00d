import { useApp } from '../../stores/app-store';
import { OutboxLinks } from '../first-run/outbox-links';

export function CheckEmail({ email, onDone }: { email: string; onDone: () => void }) {
  const hosting = useApp((s) => s.server?.mode === 'host');
  return (
    <div className="auth-form">
      <div className="auth-icon" aria-hidden="true">
        ✉
      </div>
      <h1>Check your email</h1>
      <p className="auth-lead">
        We sent a confirmation link to <strong>{email}</strong>. Open it to activate your account, then come back and log in.
      </p>
      {hosting ? <OutboxLinks /> : null}
      <button type="button" className="button" onClick={onDone}>
        Continue to sign-in
      </button>
    </div>
  );
}
