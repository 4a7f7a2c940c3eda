import { createRoot } from 'react-dom/client';
import { PaneController } from '../controller';
import { officeHost } from '../host';
import { App } from './App';

// The pane renders once Office is ready; on the shared runtime this page is also the ribbon's, so the pane
// is already listening when 校验工作簿 runs from the ribbon.
if (typeof Office !== 'undefined') {
  void Office.onReady(() => {
    const root = document.getElementById('root');
    if (!root) return;
    const host = officeHost();
    const controller = new PaneController(host);
    void controller.startWatching();
    createRoot(root).render(<App controller={controller} />);
  });
}
