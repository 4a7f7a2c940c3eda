/**
 * The narrow slice of the Excel JavaScript API the add-in uses. Excel.RequestContext satisfies it (a
 * type test checks that), and so does the in-memory fake used by tests and the playground.
 */
export interface ExcelFill {
  color: string;
  /** `None` for no fill (ExcelApi 1.9). */
  pattern: string;
  patternColor: string;
  tintAndShade: number;
  patternTintAndShade: number;
  clear(): void;
}

/** What Excel says when cells are edited (Excel.WorksheetChangedEventArgs, the part the add-in uses). */
export interface ChangeEvent {
  readonly address: string;
  readonly worksheetId: string;
  /** `ThisLocalAddin` when the add-in's own write caused it. */
  readonly triggerSource?: string;
}

export interface ExcelRange {
  readonly address: string;
  /** Written only where the user asked for exactly that (insert a subject, write the report sheet, 采用建议值). */
  values: unknown[][];
  readonly text: string[][];
  /** Written as `@` (text) before values that must stay text, e.g. a 7-digit subject code. */
  numberFormat: unknown[][];
  /** Written only to put back a cell's own formula (撤销 after 采用建议值). */
  formulas: unknown[][];
  readonly rowCount: number;
  readonly columnCount: number;
  readonly rowIndex: number;
  readonly columnIndex: number;
  readonly isNullObject: boolean;
  readonly format: { readonly fill: ExcelFill; readonly font: { bold: boolean }; autofitColumns(): void };
  /** A link to another cell of the workbook (ExcelApi 1.7). */
  hyperlink: { documentReference?: string; textToDisplay?: string; screenTip?: string };
  load(propertyNames: string): void;
  select(): void;
}

export interface ExcelWorksheet {
  /** Written only to name a sheet the add-in itself added (舍位平衡's copies). */
  name: string;
  readonly id: string;
  readonly isNullObject: boolean;
  /**
   * A copy of the sheet with its layout, formats and contents, placed last (ExcelApi 1.10): 舍位平衡 writes its
   * converted tables into copies, never into the user's sheets.
   */
  copy(positionType?: 'End'): ExcelWorksheet;
  getUsedRangeOrNullObject(valuesOnly?: boolean): ExcelRange;
  getRange(address?: string): ExcelRange;
  /** Several areas at once, e.g. `D13, D14:D20` (ExcelApi 1.9), to select a total with its terms. */
  getRanges(address?: string): { select(): void };
  activate(): void;
  delete(): void;
  load(propertyNames: string): void;
}

/** Cell notes (ExcelApi 1.18): the add-in adds one only where a cell has none, and removes only its own. */
export interface ExcelNotes {
  add(cellAddress: string, content: string): unknown;
  getItemOrNullObject(key: string): { readonly isNullObject: boolean; load(propertyNames: string): void; delete(): void };
}

export interface ExcelContext {
  readonly workbook: {
    readonly worksheets: {
      readonly items: ExcelWorksheet[];
      /** By name or by id. */
      getItem(key: string): ExcelWorksheet;
      getItemOrNullObject(key: string): ExcelWorksheet;
      /** The sheet the user is on (ExcelApi 1.1): where the selection is. */
      getActiveWorksheet(): ExcelWorksheet;
      add(name?: string): ExcelWorksheet;
      load(propertyNames: string): void;
      readonly onChanged: { add(handler: (event: ChangeEvent) => Promise<unknown>): unknown };
    };
    readonly notes: ExcelNotes;
    getSelectedRange(): ExcelRange;
  };
  sync(): Promise<unknown>;
}
