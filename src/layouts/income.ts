import type { ColumnRef, Layout } from './types';
import { TOTAL_ROW } from './common';

/** The sources of a year's income; 财政拨款 may be printed whole or split by budget. */
const SOURCES: readonly ColumnRef[] = [
  { role: 'fiscal' }, { role: 'general' }, { role: 'fund' }, { role: 'soe' }, { role: 'special' }, { role: 'undertaking' },
  { role: 'operating' }, { role: 'superior' }, { role: 'affiliated' }, { role: 'other-income' }, { role: 'unit-funds' },
];

/** With a 财政拨款 column, its 一般公共预算 / 政府性基金 / 国有资本经营 parts are inside it, not beside it. */
const OWN_SOURCES = SOURCES.filter((s) => s.role !== 'general' && s.role !== 'fund' && s.role !== 'soe');

/** 部门收入总表 / 收入预算总表 / 收入决算表: income by function subject and source. */
export const layout: Layout<'income'> = {
  kind: 'income',
  name: { zh: '收入总表', en: 'revenue table' },
  titles: [/收入(?:预算|决算)?(?:总)?表/],
  shape: 'coded',
  codes: { family: 'function', depth: 3 },
  required: true,
  columns: [
    { role: 'total', label: { zh: '合计', en: 'total' } },
    { role: 'subtotal', label: { zh: '本年收入小计', en: 'income for the year' } },
    { role: 'fiscal', label: { zh: '财政拨款收入', en: 'fiscal appropriation' } },
    { role: 'general', label: { zh: '一般公共预算', en: 'general budget' } },
    { role: 'fund', label: { zh: '政府性基金预算', en: 'fund budget' } },
    { role: 'soe', label: { zh: '国有资本经营预算', en: 'state capital budget' } },
    { role: 'special', label: { zh: '财政专户管理资金', en: 'special account funds' } },
    { role: 'undertaking', label: { zh: '事业收入', en: 'operating revenue of institutions' } },
    { role: 'operating', label: { zh: '经营收入', en: 'business revenue' } },
    { role: 'superior', label: { zh: '上级补助收入', en: 'subsidies from the higher level' } },
    { role: 'affiliated', label: { zh: '附属单位上缴收入', en: 'remittances from affiliated units' } },
    { role: 'other-income', label: { zh: '其他收入', en: 'other revenue' } },
    { role: 'unit-funds', label: { zh: '单位资金', en: "the unit's own funds" } },
    { role: 'carryover', label: { zh: '上年结转', en: 'carry-over' } },
  ],
  rows: [TOTAL_ROW],
  relations: [
    { type: 'hierarchy', id: 'hierarchy' },
    { type: 'columns', id: 'total', total: { role: 'total' }, terms: [{ role: 'subtotal' }, { role: 'carryover' }], requires: ['subtotal'] },
    {
      type: 'columns', id: 'subtotal', total: { role: 'subtotal' },
      terms: SOURCES, unless: ['fiscal'],
    },
    { type: 'columns', id: 'subtotal-fiscal', total: { role: 'subtotal' }, terms: OWN_SOURCES, requires: ['fiscal'] },
    {
      type: 'columns', id: 'total-sources', total: { role: 'total' },
      terms: [...SOURCES, { role: 'carryover' }], unless: ['subtotal', 'fiscal'],
    },
    {
      type: 'columns', id: 'total-sources-fiscal', total: { role: 'total' },
      terms: [...OWN_SOURCES, { role: 'carryover' }],
      requires: ['fiscal'], unless: ['subtotal'],
    },
    { type: 'columns', id: 'fiscal-split', total: { role: 'fiscal' }, terms: [{ role: 'general' }, { role: 'fund' }, { role: 'soe' }], requires: ['fiscal'] },
  ],
};
