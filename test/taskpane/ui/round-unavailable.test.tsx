/**
 * @jest-environment jsdom
 */
// The 舍位平衡 tab when its chunk (round.js) cannot be fetched: the tab says so, the rest of the pane works. A file
// of its own: React.lazy keeps its first answer for the life of the page (here, of the module registry).
import { act, configure, fireEvent, render, screen } from '@testing-library/react';
import { PaneController } from '../../../taskpane/controller';
import { FakeExcel } from '../../../taskpane/office/fake';
import { roundChunk } from '../../../taskpane/round-loader';
import { App } from '../../../taskpane/ui/App';
import { corpusWorkbook } from '../../helpers/fixtures';
import { fakeHost } from '../../helpers/pane-host';

configure({ asyncUtilTimeout: 10_000 });

test('its chunk cannot be fetched: the tab says so instead of failing the pane', async () => {
  roundChunk.load = () => Promise.reject(new Error('ChunkLoadError: Loading chunk round failed'));
  render(<App controller={new PaneController(fakeHost(new FakeExcel(corpusWorkbook('sh-putuo-zfb-2025-budget'))))} />);
  await act(async () => { fireEvent.click(screen.getByRole('tab', { name: '舍位平衡' })); });
  expect(await screen.findByText('操作未能完成：round.js')).toBeTruthy();
  // The other tabs work as before.
  await act(async () => { fireEvent.click(screen.getByRole('tab', { name: '校验结果' })); });
  expect(screen.getByRole('button', { name: '校验工作簿' })).toBeTruthy();
});
