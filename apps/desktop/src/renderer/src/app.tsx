import { useApp } from './stores/app-store';
import { AuthScreen } from './features/auth/auth-screen';
import { ChatLayout } from './features/conversation/chat-layout';
import { FirstRunScreen } from './features/first-run/first-run-screen';

export function App() {
  const phase = useApp((s) => s.phase);
  switch (phase) {
    case 'booting':
      return <div className="splash">Loading Parley…</div>;
    case 'first-run':
      return <FirstRunScreen />;
    case 'signed-out':
      return <AuthScreen />;
    case 'signed-in':
      return <ChatLayout />;
  }
}
