import type { Layout } from './types';
import { SUMMARY_RELATIONS, SUMMARY_ROWS } from './common';

/** 部门收支总表 / 财务收支预算总表 / 收入支出决算总表: income items on the left, expense items on the right. */
export const layout: Layout<'summary'> = {
  kind: 'summary',
  name: { zh: '收支总表', en: 'revenue and expenditure summary' },
  titles: [/收(?:入)?支(?:出)?(?:预算|决算)?总表/, /收(?:入)?支(?:出)?(?:预算|决算)表/],
  shape: 'two-sided',
  required: true,
  columns: [
    { role: 'total', side: 'income', label: { zh: '收入', en: 'income' } },
    { role: 'total', side: 'expense', label: { zh: '支出', en: 'expenditure' } },
    // The 单位预算 variant splits the expense side: 支出合计 | 基本支出 (人员经费 | 公用经费) | 项目支出.
    { role: 'basic', side: 'expense', label: { zh: '基本支出', en: 'basic' } },
    { role: 'personnel', side: 'expense', label: { zh: '人员经费', en: 'personnel' } },
    { role: 'public', side: 'expense', label: { zh: '公用经费', en: 'operating' } },
    { role: 'project', side: 'expense', label: { zh: '项目支出', en: 'project' } },
  ],
  rows: SUMMARY_ROWS,
  relations: [
    ...SUMMARY_RELATIONS,
    {
      type: 'columns', id: 'expense-cross-foot', total: { role: 'total', side: 'expense' },
      terms: [{ role: 'basic', side: 'expense' }, { role: 'project', side: 'expense' }], requires: ['basic'],
    },
    {
      type: 'columns', id: 'expense-cross-foot-split', total: { role: 'total', side: 'expense' },
      terms: [{ role: 'personnel', side: 'expense' }, { role: 'public', side: 'expense' }, { role: 'project', side: 'expense' }], unless: ['basic'],
    },
  ],
};
