/**
 * @jest-environment jsdom
 */
import { clockTime } from '../../../taskpane/ui/FindingsView';

describe('the time of a validation, as Intl prints it', () => {
  const times = [[0, 0, 0], [0, 5, 9], [9, 30, 0], [11, 59, 59], [12, 0, 1], [13, 4, 5], [23, 59, 59]].map(([h, m, s]) => new Date(2025, 0, 15, h, m, s));

  test.each(times)('%s', (d) => {
    expect(clockTime(d, 'zh')).toBe(d.toLocaleTimeString('zh-CN'));
    // ICU puts a narrow no-break space before AM / PM in some versions.
    expect(clockTime(d, 'en')).toBe(d.toLocaleTimeString('en-US').replace(/\s/g, ' '));
  });
});
