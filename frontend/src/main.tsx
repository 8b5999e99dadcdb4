import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '@utrecht/component-library-css';
import '@utrecht/design-tokens/dist/theme.css';
import './theme/leerlus-tokens.css';
import './styles.css';
import './i18n';
import { App } from './App';

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}
