import { layoutOf, type TableKind } from '../layouts';
import { textAt, type Sheet } from '../snapshot';
import { isTitleText, kindOfTitle, otherTableOf } from './titles';
import { nonEmpty, rowTexts } from './grid';

/** A block of rows holding one table: from its title (if any) to the next title. */
export interface Region {
  /** The kind named by the title (or sheet name); undefined for an unknown title or an untitled sheet. */
  readonly kind: TableKind | undefined;
  /** A table the engine knows by name but does not check. */
  readonly other?: { zh: string; en: string };
  /** False for a sheet without a title row: only then may its columns decide the kind. */
  readonly titled: boolean;
  readonly title: string;
  readonly titleRow: number;
  readonly titleCol: number;
  readonly start: number;
  end: number; // exclusive
}

function sameTitle(a: string, b: string): boolean {
  const t = (x: string) => x.replace(/\s+/g, '').replace(/[（(]续[)）]$/, '');
  return t(a) === t(b);
}

/**
 * Splits a sheet at its title rows. A title repeated on a continuation page continues the table above; any
 * other title-like row (even of a table the engine does not know) ends it.
 */
export function findRegions(sheet: Sheet): Region[] {
  const regions: Region[] = [];
  for (let r = 0; r < sheet.rows.length; r++) {
    const cells = rowTexts(sheet, r);
    const filled = nonEmpty(cells);
    if (filled === 0 || filled > 2) continue;
    const c = cells.findIndex((x) => x !== '');
    const text = textAt(sheet, r, c);
    if (!isTitleText(text)) continue;
    const kind = kindOfTitle(text);
    const prev = regions[regions.length - 1];
    // A title repeated on the next page continues its table; a performance form's next title is the next project.
    if (prev && kind !== undefined && prev.kind === kind && (layoutOf(kind).shape !== 'form' || sameTitle(prev.title, text))) continue;
    if (prev) prev.end = r;
    regions.push({ kind, other: kind ? undefined : otherTableOf(text), titled: true, title: text.trim(), titleRow: r, titleCol: c, start: r + 1, end: sheet.rows.length });
  }
  if (regions.length === 0) {
    // A sheet without a title row is recognised by its name (a sheet called 支出总表), else by its columns.
    const name = sheet.name.endsWith('表') ? sheet.name : `${sheet.name}表`;
    const kind = kindOfTitle(name);
    regions.push({ kind, other: kind ? undefined : otherTableOf(name), titled: false, title: kind ? sheet.name : '', titleRow: -1, titleCol: 0, start: 0, end: sheet.rows.length });
  }
  return regions;
}
