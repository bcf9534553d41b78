import { startStartupRequests } from './api/startup-requests';
import { preloadScreenAt } from './app/screen-code';
import './styles.css';

// The entry stays tiny: it sends the first screen's requests and asks for its code, then loads
// the application, so data and code travel in parallel (see api/startup-requests.ts).
startStartupRequests(window.location.pathname);
void preloadScreenAt(window.location.pathname).catch(() => undefined); // Retried when rendered.

const root = document.getElementById('root');
if (root === null) throw new Error('#root is missing from index.html');
import('./app/boot')
  .then(({ boot }) => boot(root))
  .catch((error: unknown) => {
    root.textContent = '页面加载失败，请刷新重试。/ The page failed to load; please reload.';
    throw error;
  });
