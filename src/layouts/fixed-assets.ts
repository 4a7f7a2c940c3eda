import type { Layout } from './types';

/**
 * 固定资产占用情况表: 资产总额 and its categories (房屋, 其中办公用房, 车辆, 单价 20 万元以上设备, 其他), each with a
 * 数量 (in its own unit: 平方米, 辆, 台) and a 价值; only the values add up.
 */
export const layout: Layout<'fixed-assets'> = {
  kind: 'fixed-assets',
  name: { zh: '固定资产占用情况表', en: 'fixed assets' },
  titles: [/固定资产(?:占用|配置)?(?:情况)?表/],
  shape: 'lines',
  required: false,
  columns: [
    { role: 'quantity', label: { zh: '数量', en: 'quantity' } },
    { role: 'value', label: { zh: '价值', en: 'value' } },
  ],
  rows: [
    { role: 'total', labels: [/^资产总(?:额|计)$/, /^合计$/, /^总计$/, /^固定资产(?:合计|总额)$/] },
    { role: 'land', labels: [/^土地/] },
    { role: 'buildings', labels: [/^房屋/] },
    { role: 'vehicles', labels: [/^车辆/] },
    { role: 'equipment', labels: [/设备/] },
    { role: 'other-assets', labels: [/^其他(?:固定)?资产/] },
  ],
  relations: [
    { type: 'rows', id: 'total', total: { role: 'total' }, terms: [{ others: true }], columns: ['value'], what: { zh: '资产总额', en: 'total assets' } },
    { type: 'item-parts', id: 'of-which' },
  ],
};
