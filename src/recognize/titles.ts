import type { TableKind } from '../table';
import { norm } from '../text';

/**
 * Which of the nine 公开表 a title names. Titles vary by province and year ("2025年部门支出预算总表",
 * "部门预算支出总表", "支出决算表", with a department prefix), so this matches the distinctive words only,
 * most specific first.
 */
export function kindOfTitle(raw: string): TableKind | undefined {
  const t = norm(raw);
  if (t.length < 3 || t.length > 60) return undefined;
  if (/^(注|说明|备注)/.test(t) || /\.{3,}|…/.test(t)) return undefined;
  if (!/表/.test(t)) return undefined;
  if (/三公/.test(t)) return 'three-public';
  if (/基本支出/.test(t)) return 'basic-expenditure';
  if (/政府性基金/.test(t)) return 'fund-expenditure';
  if (/国有资本经营/.test(t)) return 'soe-expenditure';
  if (/一般公共预算/.test(t)) return 'general-expenditure';
  if (/财政拨款收(?:入)?支(?:出)?/.test(t)) return 'fiscal-summary';
  if (/收(?:入)?支(?:出)?(?:预算|决算)?总表|收(?:入)?支(?:出)?(?:预算|决算)?表/.test(t)) return 'summary';
  if (/收入(?:预算|决算)?(?:总)?表/.test(t)) return 'income';
  if (/支出(?:预算|决算)?(?:总)?表/.test(t)) return 'expenditure';
  return undefined;
}

/**
 * 预算年度：2025, 2025年…; a bare number is not a year (a department code such as 201001 holds "2010").
 */
export function yearIn(raw: string): number | undefined {
  const m = /年度[:：]?\s*(20\d{2})(?!\d)|(?<!\d)(20\d{2})\s*年/.exec(raw);
  return m ? Number(m[1] ?? m[2]) : undefined;
}
