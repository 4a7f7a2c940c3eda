import type { Text } from '../src/findings';

export interface Requirements {
  isSetSupported(name: string, minVersion?: string): boolean;
}

export interface Capabilities {
  /**
   * BUDGET.* functions (CustomFunctionsRuntime 1.1): Microsoft 365 from Version 1903, retail perpetual Office from
   * Version 2311, volume-licensed Office 2021 and later, Excel on the web, Mac 16.34 (Microsoft's Custom Functions
   * requirement sets); not volume-licensed Office 2016 / 2019.
   */
  readonly customFunctions: boolean;
  /** One page for pane, functions and commands; showAsTaskpane. */
  readonly sharedRuntime: boolean;
  /** Fill patterns, so marks can restore a cell's exact original fill. */
  readonly exactMarks: boolean;
  /** Cell notes (ExcelApi 1.18): a marked total also gets its message as a note. */
  readonly cellNotes: boolean;
  /** Copying a sheet with its layout (ExcelApi 1.10): 舍位平衡 writes converted tables into copies. */
  readonly copySheets: boolean;
  /** What the user is told about what is missing (empty when everything works). */
  readonly notes: readonly Text[];
}

/** What this Excel can do, checked with isSetSupported; the ribbon and the pane work without custom functions. */
export function capabilities(req: Requirements): Capabilities {
  const customFunctions = req.isSetSupported('CustomFunctionsRuntime', '1.1');
  const sharedRuntime = req.isSetSupported('SharedRuntime', '1.1');
  const exactMarks = req.isSetSupported('ExcelApi', '1.9');
  const cellNotes = req.isSetSupported('ExcelApi', '1.18');
  const copySheets = req.isSetSupported('ExcelApi', '1.10');
  const notes: Text[] = [];
  if (!customFunctions) {
    notes.push({
      zh: '此版本的 Excel 不支持自定义函数（需要 Microsoft 365 版本 1903 及以上、零售版 Office 版本 2311 及以上、批量授权版 Office 2021 及以上，或 Excel 网页版）。工作簿校验和任务窗格仍可使用。',
      en: 'This Excel does not support custom functions (they need Microsoft 365 Version 1903 or later, retail Office Version 2311 or later, volume-licensed Office 2021 or later, or Excel on the web). Validation and the task pane still work.',
    });
  }
  if (!exactMarks) {
    notes.push({
      zh: '此版本的 Excel 无法读取单元格填充图案，因此不标记单元格颜色（避免清除标记时无法完全还原原格式）；校验结果仍会列出。',
      en: 'This Excel cannot read fill patterns, so cells are not coloured (their original fill could not be restored exactly); findings are still listed.',
    });
  }
  return { customFunctions, sharedRuntime, exactMarks, cellNotes, copySheets, notes };
}
