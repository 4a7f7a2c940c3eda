import type { Layout } from './types';
import { SUMMARY_RELATIONS, SUMMARY_ROWS } from './common';

/** 财政拨款收支总表: the three budgets' appropriations on the left, their spending by 类 on the right. */
export const layout: Layout<'fiscal-summary'> = {
  kind: 'fiscal-summary',
  name: { zh: '财政拨款收支总表', en: 'fiscal appropriation summary' },
  titles: [/财政拨款收(?:入)?支(?:出)?/],
  shape: 'two-sided',
  required: true,
  columns: [
    { role: 'total', side: 'income', label: { zh: '收入', en: 'income' } },
    { role: 'total', side: 'expense', label: { zh: '支出合计', en: 'expenditure' } },
    { role: 'general', side: 'expense', label: { zh: '一般公共预算', en: 'general budget' } },
    { role: 'fund', side: 'expense', label: { zh: '政府性基金预算', en: 'fund budget' } },
    { role: 'soe', side: 'expense', label: { zh: '国有资本经营预算', en: 'state capital budget' } },
  ],
  rows: SUMMARY_ROWS,
  relations: [
    ...SUMMARY_RELATIONS,
    {
      type: 'columns', id: 'expense-cross-foot', total: { role: 'total', side: 'expense' },
      terms: [{ role: 'general', side: 'expense' }, { role: 'fund', side: 'expense' }, { role: 'soe', side: 'expense' }],
    },
  ],
};
