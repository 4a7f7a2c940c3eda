import type { Layout } from './types';
import { TOTAL_ROW } from './common';

/** 人员经费 are the 工资福利支出 (301) and 对个人和家庭的补助 (303) classes; the rest is 公用经费. */
const PERSONNEL_CLASSES = ['301', '303'];

/** 一般公共预算财政拨款基本支出表 (economic classification; printed one-sided or as two lists side by side). */
export const layout: Layout<'basic-expenditure'> = {
  kind: 'basic-expenditure',
  name: { zh: '一般公共预算财政拨款基本支出表', en: 'general public budget basic expenditure' },
  titles: [/基本支出/],
  shape: 'coded',
  codes: { family: 'economic', depth: 2 },
  required: true,
  columns: [
    { role: 'total', label: { zh: '合计', en: 'total' } },
    { role: 'personnel', label: { zh: '人员经费', en: 'personnel' } },
    { role: 'public', label: { zh: '公用经费', en: 'operating' } },
  ],
  rows: [
    TOTAL_ROW,
    { role: 'personnel-total', labels: [/^人员经费(?:合计|小计)?$/] },
    { role: 'public-total', labels: [/^公用经费(?:合计|小计)?$/] },
  ],
  relations: [
    { type: 'hierarchy', id: 'hierarchy' },
    { type: 'columns', id: 'cross-foot', total: { role: 'total' }, terms: [{ role: 'personnel' }, { role: 'public' }] },
    {
      type: 'rows', id: 'personnel', total: { role: 'personnel-total' }, terms: [{ classes: { in: PERSONNEL_CLASSES } }],
      what: { zh: '人员经费合计（工资福利支出 + 对个人和家庭的补助）', en: 'personnel total (classes 301 + 303)' },
    },
    {
      type: 'rows', id: 'public', total: { role: 'public-total' }, terms: [{ classes: { notIn: PERSONNEL_CLASSES } }],
      what: { zh: '公用经费合计', en: 'operating expenses total' },
    },
    {
      type: 'rows', id: 'total', total: { role: 'total' }, terms: [{ roles: ['personnel-total', 'public-total'] }],
      what: { zh: '合计（人员经费 + 公用经费）', en: 'total (personnel + operating)' },
    },
  ],
};
