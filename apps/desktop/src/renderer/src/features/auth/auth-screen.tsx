import { useState } from 'react';
import { useApp } from '../../stores/app-store';
import { showsServerRail } from '../../stores/servers-slice';
import { CheckEmail } from './check-email';
import { ForgotPasswordForm, ResetSent } from './forgot-password-form';
import { KeyringNotice } from './keyring-notice';
import { LoginForm } from './login-form';
import { RegisterForm } from './register-form';
import './auth.css';

type View =
  | { name: 'login' }
  | { name: 'register' }
  | { name: 'sent'; email: string }
  | { name: 'forgot'; email: string }
  | { name: 'reset-sent'; email: string };

export function AuthScreen() {
  const [view, setView] = useState<View>({ name: 'login' });
  const keepsSignIn = useApp((s) => s.keepsSignIn);
  // With several servers, the one this sign-in is for.
  const server = useApp((s) => (showsServerRail(s) ? (s.servers.find((entry) => entry.active)?.label ?? null) : null));
  return (
    <main className="auth-screen">
      <div className="auth-brand">
        <span className="auth-logo" aria-hidden="true">
          P
        </span>
        <span>Parley</span>
      </div>
      {server ? <p className="auth-server">Signing in to {server}</p> : null}
      <div className="card auth-card">
        {view.name === 'login' ? (
          <LoginForm onRegister={() => setView({ name: 'register' })} onForgot={(email) => setView({ name: 'forgot', email })} />
        ) : null}
        {view.name === 'forgot' ? (
          <ForgotPasswordForm
            initialEmail={view.email}
            onSent={(email) => setView({ name: 'reset-sent', email })}
            onLogin={() => setView({ name: 'login' })}
          />
        ) : null}
        {view.name === 'reset-sent' ? <ResetSent email={view.email} onDone={() => setView({ name: 'login' })} /> : null}
        {view.name === 'register' ? (
          <RegisterForm onSent={(email) => setView({ name: 'sent', email })} onLogin={() => setView({ name: 'login' })} />
        ) : null}
        {view.name === 'sent' ? <CheckEmail email={view.email} onDone={() => setView({ name: 'login' })} /> : null}
      </div>
      <KeyringNotice keepsSignIn={keepsSignIn} />
      <p className="auth-footer">Calm, quick team chat.</p>
    </main>
  );
}
