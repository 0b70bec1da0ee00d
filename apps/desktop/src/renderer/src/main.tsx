import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { actions } from './actions/app-actions';
import { App } from './app';
import './styles/base.css';

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
  void actions.boot();
}
