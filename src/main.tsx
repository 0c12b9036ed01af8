import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { ConfigErrorScreen } from './app/config-error-screen';
import { readConfig } from './lib/env';
import './index.css';

const root = createRoot(document.getElementById('root')!);
const config = readConfig();

if (config.ok) {
  // Loaded only with a valid configuration: creating the Supabase clients needs it.
  const { App } = await import('./app/app');
  root.render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
} else {
  root.render(
    <StrictMode>
      <ConfigErrorScreen problems={config.problems} />
    </StrictMode>,
  );
}
