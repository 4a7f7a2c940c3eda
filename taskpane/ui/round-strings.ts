import type { Lang } from '../../src/findings';

/**
 * The 舍位平衡 view's words, in Chinese and English. Apart from strings.ts because the view is loaded with its tab
 * (round-chunk.ts), never with the pane: these are not part of the pane's first load. The tab's own label and what
 * the view shares with the rest of the pane (撤销, 取消, 定位到…) stay in strings.ts.
 */
const zh = {
  roundIntro: '换算金额单位，并使所有合计与明细、各表之间完全相符（每格只向下或向上舍入）。结果写入新工作表，原表不变；已是目标单位的，列出消除尾差的最少调整，点击“采用”才修改。',
  roundUnit: '目标单位',
  roundDecimals: '小数位数',
  unitWord: { wan: '万元', yuan: '元' } as Record<'wan' | 'yuan', string>,
  roundRun: '舍位平衡',
  roundPhase: { read: '正在读取工作簿…', solve: '正在求解舍位平衡…', write: '正在写入新工作表…' } as Record<'read' | 'solve' | 'write', string>,
  roundUnavailable: '未能加载舍位平衡组件（无法运行 WebAssembly 或文件无法获取），工作簿未作修改。',
  roundNoCopy: '此版本的 Excel 不能复制工作表（需要 ExcelApi 1.10），无法写入换算结果：请用 budget-check round 换算。',
  roundConverted: (unit: string, decimals: number, sheets: number, cells: number) => `已换算为${unit}（${decimals} 位小数）：新增 ${sheets} 张工作表，共 ${cells} 个金额；原工作表未作任何修改。`,
  roundPlain: (gaps: number, moved: number) => (gaps === 0 && moved === 0 ? '直接四舍五入即无尾差，无需改为另一方向舍入。' : `直接四舍五入会留下 ${gaps} 处尾差；舍位平衡让 ${moved} 个单元格改为另一方向舍入（每格离原值不超过末位一个单位）。`),
  roundHolds: '结果中全部关系相符。',
  roundGaps: (n: number) => `没有一种舍入能让全部关系同时成立：以下 ${n} 处关系在结果中仍有差额（已取差额处最少的舍入）。`,
  roundInputGapsTitle: (n: number) => `原表本身不相符的关系（${n}）`,
  roundInputGaps: '按原表的单位；换算不会掩盖原表本身的不平。',
  roundUnsolved: (n: number) => `${n} 组单元格未能求解，保持直接四舍五入。`,
  roundMoved: (n: number) => `改为另一方向舍入的单元格（${n}）`,
  roundMovedLine: (cell: string, value: string, plain: string, exact: string) => `${cell}：${value}（四舍五入为 ${plain}，原值 ${exact}）`,
  roundGapLine: (cell: string, what: string, diff: string, unit: string) => `${cell} ${what}：差额 ${diff} ${unit}`,
  roundTailsNone: (unit: string, decimals: number) => `工作簿已是${unit}（${decimals} 位小数），全部关系相符，无需调整。`,
  roundTails: (unit: string, decimals: number, gaps: number, n: number) => `工作簿已是${unit}（${decimals} 位小数），有 ${gaps} 处尾差；以下 ${n} 个单元格各调整一个末位单位即可全部消除。点击“采用”才修改，可撤销。`,
  roundApply: '采用',
  roundApplyLabel: (cell: string, from: string, to: string) => `采用：把 ${cell} 由 ${from} 改为 ${to}`,
  roundApplyAll: (n: number) => `全部采用（${n} 处）`,
  roundApplied: '已采用',
  roundAppliedAll: (n: number) => `已采用 ${n} 处调整，并已重新校验；每一处都可撤销。`,
  roundSheetsTitle: '舍位平衡新增的工作表',
  roundBatch: (unit: string, decimals: number, names: string) => `换算为${unit}（${decimals} 位小数）：${names}`,
  roundUndoLabel: (names: string) => `撤销：删除新增的工作表 ${names}`,
  roundKeepLabel: (names: string) => `保留新增的工作表 ${names}，不再提供撤销`,
  roundRemoved: (n: number, missing: number) => `已删除舍位平衡新增的 ${n} 张工作表。${missing > 0 ? `另有 ${missing} 张已不在工作簿中（或已不是新增时的内容），未删除。` : ''}`,
  roundEdited: (names: string) => `新增的工作表 ${names} 在生成后被修改过。仍要删除吗？删除后这些修改将丢失。`,
  roundForce: '仍然删除',
  roundKeep: '保留',
  roundChanges: '消除尾差的调整',
};

export type RoundStrings = typeof zh;

const en: RoundStrings = {
  roundIntro: 'Converts the amounts with every total and every figure shared between tables exact (each cell rounded down or up). The result goes into new sheets; yours stay as they are. At the target already: the fewest changes that remove the rounding differences, each made when you click Apply.',
  roundUnit: 'Target unit',
  roundDecimals: 'Decimals',
  unitWord: { wan: '万元', yuan: '元' },
  roundRun: 'Balance the rounding',
  roundPhase: { read: 'Reading the workbook…', solve: 'Balancing the rounding…', write: 'Writing the new sheets…' },
  roundUnavailable: 'The rounding component could not load (no WebAssembly, or a file could not be fetched); nothing was changed.',
  roundNoCopy: 'This Excel cannot copy sheets (ExcelApi 1.10 is needed) to write the result: convert with budget-check round.',
  roundConverted: (unit, decimals, sheets, cells) => `Converted to ${unit} (${decimals} decimals): ${sheets} new sheets, ${cells} amounts; your sheets were not changed.`,
  roundPlain: (gaps, moved) => (gaps === 0 && moved === 0 ? 'Plain rounding leaves no rounding difference: nothing rounded the other way.' : `Plain rounding would leave ${gaps} rounding differences; ${moved} cells are rounded the other way instead (each within one unit of the last digit).`),
  roundHolds: 'Every relation holds in the result.',
  roundGaps: (n) => `No rounding makes every relation hold: these ${n} relations still differ in the result (the rounding with the fewest such places).`,
  roundInputGapsTitle: (n) => `Relations your tables themselves break (${n})`,
  roundInputGaps: 'In your tables\' own unit; converting does not hide what your tables themselves break.',
  roundUnsolved: (n) => `${n} groups of cells could not be solved and keep plain rounding.`,
  roundMoved: (n) => `Cells rounded the other way (${n})`,
  roundMovedLine: (cell, value, plain, exact) => `${cell}: ${value} (plain rounding ${plain}, exact ${exact})`,
  roundGapLine: (cell, what, diff, unit) => `${cell} ${what}: difference ${diff} ${unit}`,
  roundTailsNone: (unit, decimals) => `The workbook is in ${unit} (${decimals} decimals) already and every relation holds: nothing to change.`,
  roundTails: (unit, decimals, gaps, n) => `In ${unit} (${decimals} decimals) already, with ${gaps} rounding differences: changing these ${n} cells by one unit of the last digit removes them. Each changes only when you click Apply, and can be undone.`,
  roundApply: 'Apply',
  roundApplyLabel: (cell, from, to) => `Apply: change ${cell} from ${from} to ${to}`,
  roundApplyAll: (n) => `Apply all (${n})`,
  roundApplied: 'Applied',
  roundAppliedAll: (n) => `${n} changes applied and validated again; each can be undone.`,
  roundSheetsTitle: 'Sheets added by rounding',
  roundBatch: (unit, decimals, names) => `Converted to ${unit} (${decimals} decimals): ${names}`,
  roundUndoLabel: (names) => `Undo: delete the added sheets ${names}`,
  roundKeepLabel: (names) => `Keep the added sheets ${names}; no undo`,
  roundRemoved: (n, missing) => `${n} sheets added by rounding deleted.${missing > 0 ? ` ${missing} more are no longer in the workbook (or no longer hold what was written) and were left alone.` : ''}`,
  roundEdited: (names) => `The added sheets ${names} were changed after they were written. Delete them anyway? Those changes would be lost.`,
  roundForce: 'Delete anyway',
  roundKeep: 'Keep',
  roundChanges: 'Changes that remove the rounding differences',
};

export const ROUND_STRINGS: Record<Lang, RoundStrings> = { zh, en };
