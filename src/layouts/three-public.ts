import type { Layout } from './types';

/** 财政拨款"三公"经费支出表: as item rows × 资金性质 columns, or as one row of columns (with 机关运行经费 beside). */
export const layout: Layout<'three-public'> = {
  kind: 'three-public',
  name: { zh: '财政拨款"三公"经费支出表', en: '"three public" expenses' },
  titles: [/三公/],
  shape: 'lines',
  required: true,
  columns: [
    { role: 'total', label: { zh: '合计', en: 'total' } },
    { role: 'general', label: { zh: '一般公共预算财政拨款', en: 'general budget' } },
    { role: 'fund', label: { zh: '政府性基金预算财政拨款', en: 'fund budget' } },
    { role: 'soe', label: { zh: '国有资本经营预算财政拨款', en: 'state capital budget' } },
    { role: 'travel', label: { zh: '因公出国（境）费', en: 'overseas travel' } },
    { role: 'vehicle', label: { zh: '公务用车购置及运行维护费', en: 'official vehicles' } },
    { role: 'vehicle-purchase', label: { zh: '公务用车购置费', en: 'vehicle purchase' } },
    { role: 'vehicle-upkeep', label: { zh: '公务用车运行维护费', en: 'vehicle upkeep' } },
    { role: 'reception', label: { zh: '公务接待费', en: 'official reception' } },
    { role: 'admin-costs', label: { zh: '机关运行经费', en: 'administrative running costs' } },
  ],
  rows: [
    { role: 'total', labels: [/^合计$/, /^总计$/] },
    { role: 'subtotal', labels: [/^"?三公"?经费(?:小计|合计)$/, /^小计$/] },
    { role: 'travel', labels: [/^因公出国\(境\)费(?:用)?$/, /^因公出国境?费$/] },
    { role: 'travel-part', labels: [/因公出国/] },
    { role: 'vehicle', labels: [/公务用车购置及运/] },
    { role: 'vehicle-purchase', labels: [/^(?:公务用车)?购置费$/] },
    { role: 'vehicle-upkeep', labels: [/^(?:公务用车)?运行(?:维护)?费$/, /^(?:公务用车)?运维费$/] },
    { role: 'reception', labels: [/公务接待/] },
    { role: 'meeting', labels: [/^会议费$/] },
    { role: 'training', labels: [/^培训费$/] },
  ],
  relations: [
    {
      type: 'rows', id: 'total', total: { role: 'total' },
      terms: [{ first: [{ role: 'subtotal' }, { roles: ['travel', 'vehicle', 'reception'] }] }, { role: 'meeting' }, { role: 'training' }],
      what: { zh: '合计', en: 'total' },
    },
    {
      type: 'rows', id: 'subtotal', total: { role: 'subtotal' }, terms: [{ roles: ['travel', 'vehicle', 'reception'] }],
      what: { zh: '"三公"经费小计', en: '"three public" subtotal' },
    },
    {
      type: 'rows', id: 'vehicle', total: { role: 'vehicle' }, terms: [{ roles: ['vehicle-purchase', 'vehicle-upkeep'] }],
      what: { zh: '公务用车购置及运维费', en: 'official vehicles' },
    },
    {
      type: 'rows', id: 'travel', total: { role: 'travel' }, terms: [{ role: 'travel-part' }],
      what: { zh: '因公出国（境）费', en: 'overseas travel' },
    },
    { type: 'columns', id: 'funds', total: { role: 'total' }, terms: [{ role: 'general' }, { role: 'fund' }, { role: 'soe' }] },
    { type: 'columns', id: 'parts', total: { role: 'total' }, terms: [{ role: 'travel' }, { role: 'vehicle' }, { role: 'reception' }] },
    { type: 'columns', id: 'vehicle-parts', total: { role: 'vehicle' }, terms: [{ role: 'vehicle-purchase' }, { role: 'vehicle-upkeep' }] },
  ],
};
