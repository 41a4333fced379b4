/** The window's entry: read the token from the URL fragment, set up the one Lab API client, render. */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createLabClient, setLabClient } from './api/lab-client';
import { takeTokenFromLocation } from './api/token';
import { App } from './app/App';
import './styles/base.css';
import './styles/shell.css';
import './styles/chat.css';
import './styles/desk.css';
import './styles/exchange.css';

const token = takeTokenFromLocation();
if (token) setLabClient(createLabClient({ token }));

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <App hasToken={token !== null} />
    </StrictMode>,
  );
}
