import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app.tsx';
import './styles/app.scss';

// The body deliberately lacks NHS.UK frontend's `nhsuk-frontend-supported` class: that class switches
// components (the header's overflow menu) to styles that expect NHS.UK's own JavaScript, which React
// does not run. Without it the header navigation wraps on narrow screens.
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
