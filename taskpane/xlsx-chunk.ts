/**
 * The .xlsx chunk (xlsx.js): ExcelJS and the reader of a workbook file chosen in the pane (last year's, for the
 * 情况说明's 比上年增减), loaded when a file is chosen, never with the pane (see xlsx-loader.ts).
 */
export { readXlsxInBrowser, XlsxFileError, MAX_XLSX_BYTES } from './office/xlsx-file';
