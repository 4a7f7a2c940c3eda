import { cleanCodeText, joinCodeParts } from '../codes';
import { norm } from '../text';
import { BASE, BASE_YEAR, CHANGES, HISTORY } from './data.generated';

/** function = 支出功能分类; dept-economic = 部门预算支出经济分类 (3xx); gov-economic = 政府预算支出经济分类 (5xx). */
export type SubjectKind = 'function' | 'dept-economic' | 'gov-economic';
export type BudgetPart = 'general' | 'fund' | 'soe';
export const SUBJECT_KINDS: readonly SubjectKind[] = ['function', 'dept-economic', 'gov-economic'];

export interface Subject {
  readonly code: string;
  readonly name: string;
  /** 1 = 类, 2 = 款, 3 = 项 */
  readonly level: 1 | 2 | 3;
  readonly kind: SubjectKind;
  readonly parent?: string;
  readonly budgets: readonly BudgetPart[];
  /** The name is not known exactly (the source says so). */
  readonly uncertain: boolean;
  /** The code–name pair is printed in a published document. */
  readonly confirmed: boolean;
  readonly initials: string;
}

export interface FormerName {
  readonly name: string;
  readonly from?: number;
  readonly to?: number;
  readonly note?: string;
}

export const KIND_NAMES_ZH: Record<SubjectKind, string> = { function: '支出功能分类', 'dept-economic': '部门预算支出经济分类', 'gov-economic': '政府预算支出经济分类' };
export const KIND_NAMES_EN: Record<SubjectKind, string> = { function: 'functional classification', 'dept-economic': 'departmental economic classification', 'gov-economic': 'government economic classification' };
export const LEVEL_ZH = { 1: '类', 2: '款', 3: '项' } as const;

const PLAIN_CODE = /^\d{3}(?:\d{2}){0,2}$/;

export type CodeInput = string | number | readonly string[];

export type CodeRead = { readonly kind: 'code'; readonly code: string } | { readonly kind: 'malformed'; readonly text: string };

/** Reads a code as users type it: `2101103`, 2101103, `2101103.0`, `２１０１１０３`, `210 11 03`, or split parts. */
export function readCode(input: CodeInput): CodeRead {
  if (Array.isArray(input)) {
    const parts = input as readonly string[];
    const j = joinCodeParts(parts.map(String));
    return j.kind === 'code' ? { kind: 'code', code: j.subject.code } : { kind: 'malformed', text: parts.join(' ') };
  }
  const raw = String(input);
  // The common case, a plain code, skips the normalising replaces.
  if (PLAIN_CODE.test(raw)) return { kind: 'code', code: raw };
  const t = cleanCodeText(raw);
  if (/^\d{3}(?:\d{2}){0,2}$/.test(t)) return { kind: 'code', code: t };
  return { kind: 'malformed', text: raw.trim() };
}

export function kindOfCode(code: string): SubjectKind | undefined {
  if (!PLAIN_CODE.test(code)) return undefined;
  const first = code.charCodeAt(0);
  if (first === 50) return 'function'; // 2
  if (code.length === 7) return undefined; // economic codes stop at 款
  if (first === 51) return 'dept-economic'; // 3
  if (first === 53) return 'gov-economic'; // 5
  return undefined;
}

function levelOf(code: string): 1 | 2 | 3 {
  return code.length === 3 ? 1 : code.length === 5 ? 2 : 3;
}

const BUDGET_FLAGS: ReadonlyArray<readonly [string, BudgetPart]> = [['g', 'general'], ['f', 'fund'], ['s', 'soe']];

function subject(code: string, name: string, flags: string, initials: string): Subject | undefined {
  const kind = kindOfCode(code);
  if (!kind) return undefined;
  return {
    code, name, level: levelOf(code), kind,
    parent: code.length > 3 ? code.slice(0, -2) : undefined,
    budgets: BUDGET_FLAGS.filter(([f]) => flags.includes(f)).map(([, b]) => b),
    uncertain: flags.includes('u'),
    confirmed: flags.includes('c'),
    initials,
  };
}

/** One edition: every subject by code, and (built on first use) the children of each code. */
export class Edition {
  private childIndex?: Map<string, string[]>;
  constructor(readonly year: number, readonly label: string, readonly byCode: ReadonlyMap<string, Subject>) {}

  get children(): ReadonlyMap<string, readonly string[]> {
    if (!this.childIndex) {
      const index = new Map<string, string[]>();
      for (const s of this.byCode.values()) {
        if (!s.parent) continue;
        const list = index.get(s.parent) ?? [];
        list.push(s.code);
        index.set(s.parent, list);
      }
      for (const list of index.values()) list.sort();
      this.childIndex = index;
    }
    return this.childIndex;
  }
}

/**
 * `found`: `year` and `edition` are those of the edition that answered (an imported one, or the built-in one
 * chosen by `editionFor`). `unknown`: `year` is the year asked for (the newest edition's when none was given),
 * `edition` the built-in edition it was judged against. `exact` is false when the built-in catalog holds no
 * edition of the year asked for and a neighbouring one answered (see `Catalog.editionFor`).
 */
export type Lookup =
  | { readonly kind: 'found'; readonly subject: Subject; readonly year: number; readonly edition: string; readonly exact: boolean }
  | { readonly kind: 'unknown'; readonly code: string; readonly subjectKind?: SubjectKind; readonly year: number; readonly edition: string; readonly exact: boolean; readonly message: { zh: string; en: string } }
  | { readonly kind: 'malformed'; readonly text: string; readonly message: { zh: string; en: string } };

/** The built-in edition that answers for a year, and whether it is that year's own. */
export interface EditionChoice {
  readonly year: number;
  readonly exact: boolean;
}

export interface LookupOptions {
  readonly year?: number;
  readonly kind?: SubjectKind;
}

function loadBase(): Edition {
  const byCode = new Map<string, Subject>();
  for (const line of BASE.split('\n')) {
    if (!line) continue;
    const [code, name, flags, initials] = line.split('\t');
    const s = subject(code, name, flags, initials);
    if (s) byCode.set(code, s);
  }
  return new Edition(BASE_YEAR, `${BASE_YEAR}`, byCode);
}

/** An edition next to one already built (the one before it, or after it for editions older than the base), with its changes applied. */
function applyChanges(neighbour: Edition, year: number, ops: string): Edition {
  const current = new Map(neighbour.byCode);
  for (const line of ops.split('\n')) {
    if (!line) continue;
    const [op, code, name, initials] = line.split('\t');
    if (op === 'remove') current.delete(code);
    else {
      // A renamed subject keeps its budget parts; a confirmation applied to the old name only.
      const before = current.get(code);
      const s = subject(code, name, '', initials);
      if (s) current.set(code, { ...s, budgets: before?.budgets ?? [], confirmed: false });
    }
  }
  return new Edition(year, `${year}`, current);
}

function loadHistory(): Map<string, FormerName[]> {
  const m = new Map<string, FormerName[]>();
  for (const line of HISTORY.split('\n')) {
    if (!line) continue;
    const [code, name, from, to, note] = line.split('\t');
    const list = m.get(code) ?? [];
    list.push({ name, from: from ? Number(from) : undefined, to: to ? Number(to) : undefined, note: note || undefined });
    m.set(code, list);
  }
  return m;
}

let builtIn: Catalog | undefined;

/** Character bigrams, for fuzzy name search. */
function bigrams(s: string): Set<string> {
  const out = new Set<string>();
  for (let i = 0; i < s.length - 1; i++) out.add(s.slice(i, i + 2));
  if (s.length === 1) out.add(s);
  return out;
}

function dice(a: Set<string>, b: Set<string>): number {
  let n = 0;
  for (const x of a) if (b.has(x)) n++;
  return (2 * n) / (a.size + b.size || 1);
}

export interface SearchHit {
  readonly subject: Subject;
  readonly score: number;
  readonly how: 'code' | 'exact' | 'contains' | 'initials' | 'fuzzy';
}

/**
 * The subject catalog: built-in editions, optionally with an imported edition (from the finance bureau's
 * 预算管理一体化 system) that takes precedence.
 */
export class Catalog {
  private historyIndex?: ReadonlyMap<string, readonly FormerName[]>;
  /** Sorted edition years; later editions are built from the base one on first use. */
  readonly years: readonly number[];

  private constructor(
    private readonly editions: Map<number, Edition>,
    readonly imported?: Edition,
  ) {
    this.years = [BASE_YEAR, ...CHANGES.map((c) => c.year)].sort((a, b) => a - b);
  }

  static builtIn(): Catalog {
    builtIn ??= new Catalog(new Map([[BASE_YEAR, loadBase()]]));
    return builtIn;
  }

  /** A catalog in which `edition` answers first, for its year (or for every year when it has none). */
  withImported(edition: Edition): Catalog {
    return new Catalog(this.editions, edition);
  }

  get newestYear(): number {
    return this.years[this.years.length - 1];
  }

  /**
   * Which built-in edition judges a document of budget year `year`, as every lookup with `{ year }` uses it:
   * that year's own (exact), else the nearest older one held, else — for a year before the oldest edition held —
   * the oldest (both not exact). No year: the newest edition.
   */
  editionFor(year?: number): EditionChoice {
    if (year === undefined) return { year: this.newestYear, exact: true };
    let y = this.years[0];
    for (const x of this.years) if (x <= year) y = x;
    return { year: y, exact: y === year };
  }

  /**
   * The edition a built-in edition is the same as, when it carries no known change from it (2026 and 2027: no
   * change list yet, so the 2025 edition): the one to name, rather than presenting the year as an edition of its
   * own. Undefined for an edition with changes of its own, the base, or a year not held.
   */
  sameAs(year: number): number | undefined {
    if (year === BASE_YEAR || !this.years.includes(year)) return undefined;
    const change = CHANGES.find((c) => c.year === year);
    if (change && change.ops.split('\n').some((line) => line.trim() !== '')) return undefined;
    const i = this.years.indexOf(year);
    const neighbour = year > BASE_YEAR ? this.years[i - 1] : this.years[i + 1];
    return this.sameAs(neighbour) ?? neighbour;
  }

  /** The built-in edition for a year, chosen by `editionFor`. */
  edition(year?: number): Edition {
    return this.built(this.editionFor(year).year);
  }

  private built(year: number): Edition {
    const have = this.editions.get(year);
    if (have) return have;
    const i = this.years.indexOf(year);
    const change = CHANGES.find((c) => c.year === year);
    // Editions are derived outwards from the base: a later one from the one before, an earlier one from the one after.
    const neighbour = year > BASE_YEAR ? this.years[i - 1] : this.years[i + 1];
    const e = applyChanges(this.built(neighbour), year, change?.ops ?? '');
    this.editions.set(year, e);
    return e;
  }

  private get history(): ReadonlyMap<string, readonly FormerName[]> {
    this.historyIndex ??= loadHistory();
    return this.historyIndex;
  }

  private importedFor(year?: number): Edition | undefined {
    const i = this.imported;
    if (!i) return undefined;
    return i.year === 0 || year === undefined || i.year === year ? i : undefined;
  }

  lookup(input: CodeInput, options: LookupOptions = {}): Lookup {
    const read = readCode(input);
    if (read.kind === 'malformed') {
      return {
        kind: 'malformed', text: read.text,
        message: { zh: `"${read.text}"不是科目编码（功能分类 3/5/7 位，经济分类 3/5 位数字）`, en: `"${read.text}" is not a subject code (3/5/7 digits for functions, 3/5 for economic)` },
      };
    }
    const code = read.code;
    const detected = kindOfCode(code);
    const year = options.year ?? this.newestYear;
    const kind = options.kind ?? detected;
    const choice = this.editionFor(options.year);
    const edition = this.built(choice.year);
    const imp = this.importedFor(options.year);
    const found = imp?.byCode.get(code) ?? edition.byCode.get(code);
    if (found && (options.kind === undefined || found.kind === options.kind)) {
      if (imp?.byCode.has(code)) return { kind: 'found', subject: found, year: imp.year || year, edition: imp.label, exact: imp.year !== 0 || choice.exact };
      return { kind: 'found', subject: found, year: edition.year, edition: edition.label, exact: choice.exact };
    }
    const kindZh = kind ? KIND_NAMES_ZH[kind] : '政府收支分类科目';
    const kindEn = kind ? KIND_NAMES_EN[kind] : 'the classification';
    const e = edition.year;
    // An edition with no known change from another is named as that one (2026 同 2025 年版).
    const same = this.sameAs(e);
    const zhYear = same === undefined ? `${e}年` : `${e}年（同${same}年版）`;
    const enKind = same === undefined ? `the ${e} ${kindEn}` : `the ${e} ${kindEn} (same as ${same})`;
    return {
      kind: 'unknown', code, subjectKind: kind, year, edition: edition.label, exact: choice.exact,
      message: choice.exact
        ? { zh: `${zhYear}${kindZh}中没有科目 ${code}`, en: `${enKind} has no subject ${code}` }
        : {
          zh: `${zhYear}${kindZh}中没有科目 ${code}（内置目录没有${year}年版，按${e}年版判断）`,
          en: `${enKind} has no subject ${code} (no ${year} edition is built in; judged by the ${e} edition)`,
        },
    };
  }

  name(input: CodeInput, options: LookupOptions = {}): string | undefined {
    const l = this.lookup(input, options);
    return l.kind === 'found' ? l.subject.name : undefined;
  }

  /** Parent chain from the subject up to its 类, the subject first. */
  chain(code: string, options: LookupOptions = {}): Subject[] {
    const out: Subject[] = [];
    for (let c: string | undefined = code; c; c = c.length > 3 ? c.slice(0, -2) : undefined) {
      const l = this.lookup(c, options);
      if (l.kind === 'found') out.push(l.subject);
    }
    return out;
  }

  children(code: string, options: LookupOptions = {}): Subject[] {
    const e = this.edition(options.year);
    return (e.children.get(code) ?? []).map((c) => e.byCode.get(c) as Subject);
  }

  /** The built-in editions that hold a code. */
  editionsOf(code: string): number[] {
    return this.years.filter((y) => this.built(y).byCode.has(code));
  }

  /** Every name a code has had across editions, with the years, current name included. */
  names(code: string): readonly FormerName[] {
    return this.history.get(code) ?? [];
  }

  /** Names a code no longer has (210 医疗卫生与计划生育支出 until 2018; 30311 住房公积金 until 2017). */
  formerNames(code: string): readonly FormerName[] {
    return this.names(code).filter((n) => n.to !== undefined);
  }

  /** Every subject of an edition, in code order, optionally of one kind. */
  list(options: LookupOptions = {}): Subject[] {
    const e = this.edition(options.year);
    const merged = new Map(e.byCode);
    const imp = this.importedFor(options.year);
    if (imp) for (const [c, s] of imp.byCode) merged.set(c, s);
    return [...merged.values()].filter((s) => !options.kind || s.kind === options.kind).sort((a, b) => (a.code < b.code ? -1 : 1));
  }

  /** Exact name matches (after normalising whitespace and width), in code order. */
  byName(name: string, options: LookupOptions = {}): Subject[] {
    const n = norm(name);
    return this.list(options).filter((s) => norm(s.name) === n);
  }

  /**
   * Search by code prefix, name (exact, then contained, then similar) or pinyin initials (`xzdwyl` →
   * 行政单位医疗). Best first; at most `limit` hits.
   */
  search(text: string, options: LookupOptions & { limit?: number } = {}): SearchHit[] {
    const q = norm(text).toLowerCase();
    if (q === '') return [];
    const limit = options.limit ?? 20;
    const hits: SearchHit[] = [];
    const all = this.list(options);
    if (/^\d+$/.test(q)) {
      for (const s of all) if (s.code.startsWith(q)) hits.push({ subject: s, score: s.code === q ? 1 : 0.9, how: 'code' });
    } else if (/^[a-z]+$/.test(q)) {
      for (const s of all) {
        if (s.initials === q) hits.push({ subject: s, score: 1, how: 'initials' });
        else if (s.initials.startsWith(q)) hits.push({ subject: s, score: 0.8, how: 'initials' });
      }
    } else {
      const qb = bigrams(q);
      for (const s of all) {
        const n = norm(s.name);
        if (n === q) hits.push({ subject: s, score: 1, how: 'exact' });
        else if (n.includes(q)) hits.push({ subject: s, score: 0.8 + 0.1 * (q.length / n.length), how: 'contains' });
        else {
          const d = dice(qb, bigrams(n));
          if (d >= 0.5) hits.push({ subject: s, score: 0.7 * d, how: 'fuzzy' });
        }
      }
    }
    return hits.sort((a, b) => b.score - a.score || a.subject.code.localeCompare(b.subject.code)).slice(0, limit);
  }
}

/** Builds an edition from plain entries (an imported catalog). Level and parent come from the codes. */
export function editionOf(year: number, label: string, entries: ReadonlyArray<{ code: string; name: string }>, initialsOf: (name: string) => string = () => ''): Edition {
  const m = new Map<string, Subject>();
  for (const e of entries) {
    const s = subject(e.code, e.name, '', initialsOf(e.name));
    if (s) m.set(e.code, s);
  }
  return new Edition(year, label, m);
}
