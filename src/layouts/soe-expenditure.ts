import { fundTableLayout } from './common';

/** 国有资本经营预算财政拨款支出表 (决算: …收入支出决算表, with the year's carry-overs). */
export const layout = fundTableLayout('soe-expenditure', { zh: '国有资本经营预算财政拨款支出表', en: 'state capital operation budget expenditure' }, /国有资本经营/);
