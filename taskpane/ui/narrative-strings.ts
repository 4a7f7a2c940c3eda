import type { Lang } from '../../src/findings';

/**
 * The words of the 情况说明 view, zh-CN first; `en` must have the same keys (the type says so). Apart from
 * strings.ts because the view is a chunk of its own (narrative.js), loaded when its tab is first opened: its
 * words do not weigh on the pane's first load. The words it shares with the other views (grades, 定位到…) are
 * in strings.ts.
 */
const zh = {
  narrativeIntro: '由工作簿中的表生成情况说明的数字段落（收入、支出、机关运行经费、“三公”经费、政府采购、国有资产），或核对已写好的情况说明中的数字。只读取工作簿，不作任何修改。',
  narrativeDraft: '生成',
  narrativeDraftTitle: '生成情况说明',
  narrativeReading: '正在读取工作簿…',
  narrativeCopy: '复制',
  narrativeCopied: '已复制到剪贴板。',
  narrativeCopyManual: '此环境不允许写入剪贴板：下面的文字已全部选中，请按 Ctrl+C 复制。',
  narrativeCopyArea: '情况说明草稿',
  narrativeDraftNote: (withPrevious: boolean): string => (withPrevious ? '各金额单位为万元，含比上年增减。文字说明（用途、原因）请自行补充。' : '各金额单位为万元。选择上年工作簿可加上比上年增减；文字说明（用途、原因）请自行补充。'),
  narrativeNoTables: '工作簿中没有识别到情况说明引用的表（收支总表、支出总表、“三公”经费支出表等）。',
  narrativeEmptyText: '请先粘贴情况说明的文字。',
  previousTitle: '上年工作簿（可选）',
  previousHelp: '选择上年的部门预算 .xlsx 文件：草稿加上比上年增减的金额和幅度，核对时检查“增加/减少……万元”和“与上年持平”。文件只在本机读取，不会打开或修改。',
  previousPick: '选择上年工作簿…',
  previousReading: (name: string) => `正在读取 ${name}…`,
  previousReady: (name: string, year: string) => `上年工作簿：${name}${year ? `（${year} 年）` : ''}`,
  previousRemove: '移除上年工作簿',
  previousNotXlsx: '只能读取 .xlsx 文件：请在 Excel 或 WPS 中另存为 .xlsx 后再选择。',
  previousTooLarge: '文件超过 30 MB，未读取。',
  previousUnreadable: '无法读取该文件（可能已损坏、设有密码或不是 .xlsx）。',
  previousNoTables: '该文件中没有识别到部门预算表。',
  checkTitle: '核对情况说明',
  checkHelp: '粘贴情况说明全文或其中的段落：附在已知项目上的每个金额都与表中数字核对，不一致的列出所在句子；点击可定位到表中单元格。',
  checkLabel: '情况说明文字',
  checkPlaceholder: '例如：2025年支出预算870.37万元，其中基本支出694.07万元……',
  checkRun: '核对',
  checkAgree: (n: number) => `核对 ${n} 个数字，全部与表一致。`,
  checkFound: (n: number, errors: number, others: number) => `核对 ${n} 个数字：${errors} 个错误，${others} 个警告或提示。`,
  checkChanges: (n: number) => `${n} 处比上年增减或“与上年持平”未核对：选择上年工作簿后可核对。`,
  checkUnknown: (n: number) => `${n} 个金额未对应到表中项目，未核对。`,
  checkText: '情况说明',
  checkTables: '表中',
};

export type NarrativeStrings = typeof zh;

const en: NarrativeStrings = {
  narrativeIntro: 'Drafts the numeric paragraphs of the 情况说明 from the workbook\'s tables (income, spending, running costs, "three public" expenses, procurement, assets), or checks the figures of one already written. The workbook is only read, never changed.',
  narrativeDraft: 'Draft',
  narrativeDraftTitle: 'Draft the narrative',
  narrativeReading: 'Reading the workbook…',
  narrativeCopy: 'Copy',
  narrativeCopied: 'Copied to the clipboard.',
  narrativeCopyManual: 'The clipboard is not available here: the text below is selected, press Ctrl+C to copy it.',
  narrativeCopyArea: 'Narrative draft',
  narrativeDraftNote: (withPrevious) => (withPrevious ? 'Amounts in 万元, with the changes against last year. Add the wording (uses, reasons) yourself.' : 'Amounts in 万元. Pick last year\'s workbook to add the changes against last year; add the wording (uses, reasons) yourself.'),
  narrativeNoTables: 'No table the narrative repeats (收支总表, 支出总表, "three public" table…) was recognised in the workbook.',
  narrativeEmptyText: 'Paste the narrative text first.',
  previousTitle: 'Last year\'s workbook (optional)',
  previousHelp: 'Pick last year\'s budget .xlsx file: the draft gets the changes against last year (amount and rate), and the check compares "增加/减少 … 万元" and "与上年持平". The file is read on this computer only, never opened or changed.',
  previousPick: 'Pick last year\'s workbook…',
  previousReading: (name) => `Reading ${name}…`,
  previousReady: (name, year) => `Last year's workbook: ${name}${year ? ` (${year})` : ''}`,
  previousRemove: 'Remove last year\'s workbook',
  previousNotXlsx: 'Only .xlsx files can be read: save it as .xlsx in Excel or WPS and pick it again.',
  previousTooLarge: 'The file is larger than 30 MB and was not read.',
  previousUnreadable: 'The file could not be read (damaged, password-protected or not an .xlsx).',
  previousNoTables: 'No budget table was recognised in that file.',
  checkTitle: 'Check a narrative',
  checkHelp: 'Paste the whole narrative or some paragraphs: every figure attached to a known item is compared with the tables; each that disagrees is listed with its sentence, and a click selects its cell.',
  checkLabel: 'Narrative text',
  checkPlaceholder: 'e.g. 2025年支出预算870.37万元，其中基本支出694.07万元……',
  checkRun: 'Check',
  checkAgree: (n) => `${n} figures checked, all agree with the tables.`,
  checkFound: (n, errors, others) => `${n} figures checked: ${errors} errors, ${others} warnings or information.`,
  checkChanges: (n) => `${n} changes against last year (or "与上年持平") not checked: pick last year's workbook to check them.`,
  checkUnknown: (n) => `${n} figures name no item of the tables; not checked.`,
  checkText: 'Text',
  checkTables: 'Tables',
};

export const NARRATIVE_STRINGS: Record<Lang, NarrativeStrings> = { zh, en };
