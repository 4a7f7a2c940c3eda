import { isBareTitle, kindOfTitleText, OTHER_TABLES, type TableKind } from '../layouts';
import type { Stage } from '../layouts/types';
import { norm } from '../text';

/** A title as matched: spaces, 附表 numbers and a trailing (续) removed. */
function titleText(raw: string): string {
  return norm(raw).replace(/^(?:附表|附件|表)[\d一二三四五六七八九十]+[:：.、-]?/, '').replace(/[（(]续[)）]$/, '');
}

/** A table's number printed near its title (公开01表, 附表3, 表一): not a title. */
const TABLE_NUMBER = /^(?:公开|附|部门公开|单位公开)?表?[\d一二三四五六七八九十]+(?:号)?表?$/;

function plausibleTitle(t: string): boolean {
  // A project's performance form is titled by the project, whose name may be a long document reference.
  const longest = /绩效目标(?:申报)?表$/.test(t) ? 120 : 60;
  if (t.length < 3 || t.length > longest || TABLE_NUMBER.test(t)) return false;
  if (/^(注|说明|备注|填表说明)/.test(t) || /\.{3,}|…/.test(t)) return false;
  return /表/.test(t) || isBareTitle(t);
}

/**
 * Which of the nine 公开表 a title names. Titles vary by province and year ("2025年部门支出预算总表",
 * "部门预算支出总表", "支出决算表", with a department prefix), so this matches the distinctive words only,
 * most specific first.
 */
export function kindOfTitle(raw: string): TableKind | undefined {
  const t = titleText(raw);
  if (!plausibleTitle(t)) return undefined;
  if (OTHER_TABLES.some((o) => o.pattern.test(t)) && !/三公/.test(t)) return undefined;
  return kindOfTitleText(t);
}

/** A table the engine knows by name but does not check (政府采购预算表, 绩效目标表…). */
export function otherTableOf(raw: string): { zh: string; en: string } | undefined {
  const t = titleText(raw);
  if (!plausibleTitle(t) || /三公/.test(t)) return undefined;
  return OTHER_TABLES.find((o) => o.pattern.test(t))?.name;
}

/**
 * Any title of a printed table (it ends with 表, or 表（续）): such a row ends the table above it even when the
 * engine does not know the table, so its rows are never read as part of another table.
 */
export function isTitleText(raw: string): boolean {
  const t = titleText(raw);
  if (!plausibleTitle(t)) return false;
  if (/^\d{3,7}(?![\d年])/.test(t) || /合计|总计|小计/.test(t)) return false;
  return /表$/.test(t) || isBareTitle(t) || kindOfTitle(raw) !== undefined;
}

/**
 * 预算年度：2025, 2025年…; a bare number is not a year (a department code such as 201001 holds "2010").
 */
export function yearIn(raw: string): number | undefined {
  const m = /年度[:：]?\s*(20\d{2})(?!\d)|(?<!\d)(20\d{2})\s*年/.exec(raw);
  return m ? Number(m[1] ?? m[2]) : undefined;
}

/** 决算 (final accounts) when the title or a header says so. */
export function stageOf(texts: readonly string[]): Stage {
  return texts.some((t) => /决算/.test(t)) ? 'final' : 'budget';
}
