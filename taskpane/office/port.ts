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

export interface ExcelRange {
  readonly address: string;
  readonly values: unknown[][];
  readonly text: string[][];
  readonly numberFormat: unknown[][];
  readonly formulas: unknown[][];
  readonly rowCount: number;
  readonly columnCount: number;
  readonly rowIndex: number;
  readonly columnIndex: number;
  readonly isNullObject: boolean;
  readonly format: { readonly fill: ExcelFill };
  load(propertyNames: string): void;
}

export interface ExcelWorksheet {
  readonly name: string;
  getUsedRangeOrNullObject(valuesOnly?: boolean): ExcelRange;
  getRange(address?: string): ExcelRange;
}

export interface ExcelContext {
  readonly workbook: {
    readonly worksheets: {
      readonly items: ExcelWorksheet[];
      getItem(key: string): ExcelWorksheet;
      load(propertyNames: string): void;
    };
  };
  sync(): Promise<unknown>;
}
