import { fundTableLayout } from './common';

/** 政府性基金预算财政拨款支出表 (决算: …收入支出决算表, with the year's carry-overs). */
export const layout = fundTableLayout('fund-expenditure', { zh: '政府性基金预算财政拨款支出表', en: 'government fund budget expenditure' }, /政府性基金/);
