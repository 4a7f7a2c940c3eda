import type { Layout } from './types';

/**
 * 政府采购预算表: items (项目名称 | 采购物品 | 目录序号 | 数量 | 单价 | 金额 by source | 预留中小微企业份额), or one
 * line of 政府采购预算总额 | 货物 | 工程 | 服务 | 面向中小企业预留 | 其中预留小微企业 (the Shanghai summary).
 */
export const layout: Layout<'procurement'> = {
  kind: 'procurement',
  name: { zh: '政府采购预算表', en: 'government procurement budget' },
  titles: [/政府采购(?:预算)?(?:明细|情况)?表/],
  bareTitles: [/^(?:部门|单位)?政府采购预算$/],
  shape: 'lines',
  required: false,
  columns: [
    { role: 'total', label: { zh: '政府采购金额合计', en: 'procurement total' } },
    { role: 'general', label: { zh: '一般公共预算拨款', en: 'general budget' } },
    { role: 'fund', label: { zh: '基金预算拨款', en: 'fund budget' } },
    { role: 'soe', label: { zh: '国有资本经营预算拨款', en: 'state capital budget' } },
    { role: 'special', label: { zh: '财政专户核拨', en: 'special account' } },
    { role: 'unit-funds', label: { zh: '单位资金', en: "unit's own funds" } },
    { role: 'carryover', label: { zh: '上年结转结余', en: 'carry-over' } },
    { role: 'goods', label: { zh: '货物', en: 'goods' } },
    { role: 'works', label: { zh: '工程', en: 'works' } },
    { role: 'services', label: { zh: '服务', en: 'services' } },
    { role: 'sme-reserved', label: { zh: '预留中小企业份额', en: 'reserved for small firms' } },
    { role: 'small-reserved', label: { zh: '其中预留小微企业', en: 'of which micro and small firms' } },
    { role: 'quantity', label: { zh: '数量', en: 'quantity' } },
    { role: 'unit-price', label: { zh: '单价', en: 'unit price' } },
    { role: 'source-budget', label: { zh: '项目预算资金', en: "the project's budget" } },
  ],
  rows: [{ role: 'total', labels: [/^合计$/, /^总计$/] }],
  relations: [
    {
      type: 'columns', id: 'sources', total: { role: 'total' },
      terms: [{ role: 'general' }, { role: 'fund' }, { role: 'soe' }, { role: 'special' }, { role: 'unit-funds' }, { role: 'carryover' }],
    },
    { type: 'columns', id: 'kinds', total: { role: 'total' }, terms: [{ role: 'goods' }, { role: 'works' }, { role: 'services' }] },
    { type: 'columns', id: 'reserved', total: { role: 'total' }, terms: [{ role: 'sme-reserved' }], compare: 'le' },
    { type: 'columns', id: 'small-reserved', total: { role: 'sme-reserved' }, terms: [{ role: 'small-reserved' }], compare: 'le' },
    {
      type: 'rows', id: 'total', total: { role: 'total' }, terms: [{ others: true }],
      columns: ['total', 'general', 'fund', 'soe', 'special', 'unit-funds', 'carryover', 'goods', 'works', 'services', 'sme-reserved', 'small-reserved'],
      what: { zh: '合计', en: 'total' },
    },
  ],
};
