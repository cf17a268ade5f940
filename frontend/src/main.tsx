import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router';
import { Provider } from 'urql';
import { App } from './App';
import { createTocsinClient } from './graphql/client';
import './styles.css';

const client = createTocsinClient({
  onUnauthenticated() {
    const { pathname, search } = window.location;
    if (pathname.startsWith('/login') || pathname.startsWith('/invite/')) return;
    // A full load also empties the cache of the session that just ended.
    window.location.assign(`/login?next=${encodeURIComponent(pathname + search)}`);
  },
});

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <Provider value={client}>
      <BrowserRouter>
        <App />
      </BrowserRouter>
    </Provider>
  </StrictMode>,
);
