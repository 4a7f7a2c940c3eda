import ExcelJS from 'exceljs';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { samplePath, sampleSheets, MORE_SHEETS, SHEET_NAMES } from '../../cli/sample';
import { writeXlsx } from '../../cli/write';
import { displayText, isDateFormat, MAX_CELL_TEXT, readXlsx, readXlsxSource, serialDateText, shiftFormula } from '../../cli/xlsx';
import { classifyOle } from '../../cli/cfb';
import { ReadError } from '../../cli/read-error';
import { bufferSource } from '../../cli/zip';
import type { Cell, Workbook } from '../../src/snapshot';
import { FIXTURES } from '../helpers/fixtures';
import { appendRow, biffWorkbook, buildXlsx, cellXml, editPart, emptyRowsSheet, encryptedXlsx, SAMPLE_BYTES, SAMPLE_SHEET, sampleZipParts, worksheet, writeCfb, writeZip, type Part } from './workbooks';

describe('reading .xlsx into the snapshot', () => {
  test('the bundled sample holds the seed-004 fixtures exactly (regenerate with scripts/make-sample.ts)', async () => {
    const wb = await readXlsx(readFileSync(samplePath()));
    const grids = sampleSheets(join(FIXTURES, 'seed-004'));
    expect(wb.sheets.map((s) => s.name)).toEqual([...SHEET_NAMES, ...MORE_SHEETS.map(([, name]) => name)]);
    for (const [i, g] of grids.entries()) {
      const sheet = wb.sheets[i];
      g.grid.forEach((line, r) => line.forEach((printed, c) => {
        expect(`${sheet.name}!${r},${c}:${sheet.rows[r]?.[c]?.text ?? ''}`).toBe(`${sheet.name}!${r},${c}:${printed}`);
      }));
    }
  });

  test('amounts are numbers with a two-decimal format; the title is merged and kept once', async () => {
    const wb = await readXlsx(readFileSync(samplePath()));
    const income = wb.sheets[1];
    const d13 = income.rows[12][3]!;
    expect(d13).toMatchObject({ address: 'D13', value: 536.45, text: '536.45', numberFormat: '#,##0.00' });
    expect(income.rows[0].filter((c) => c !== undefined)).toHaveLength(1);
  });

  test('formulas keep their cached result and their text', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('t');
    ws.getCell('A1').value = 1.5;
    ws.getCell('A2').value = { formula: 'A1*2', result: 3 };
    ws.getCell('A2').numFmt = '0.00';
    ws.getCell('A3').value = { richText: [{ text: '公务' }, { text: '接待费' }] };
    const snap = await readXlsx(Buffer.from(await wb.xlsx.writeBuffer()));
    expect(snap.sheets[0].rows[1][0]).toMatchObject({ value: 3, text: '3.00', formula: '=A1*2' });
    expect(snap.sheets[0].rows[2][0]).toMatchObject({ value: '公务接待费' });
  });

  test('writeXlsx → readXlsx round-trips printed text', async () => {
    const bytes = await writeXlsx([{ name: '表', grid: [['部门预算支出总表'], ['科目编码', '科目名称', '合计'], ['201', '一般公共服务支出', '1,234.50'], ['2012906', '工会事务', '0.10']] }]);
    const snap = await readXlsx(bytes);
    expect(snap.sheets[0].rows.map((r) => r.map((c) => c?.text ?? ''))).toEqual([
      ['部门预算支出总表'], ['科目编码', '科目名称', '合计'], ['201', '一般公共服务支出', '1,234.50'], ['2012906', '工会事务', '0.10'],
    ]);
  });

  test('displayText groups thousands only when the format asks for it', () => {
    expect(displayText(1234.5, '#,##0.00')).toBe('1,234.50');
    expect(displayText(1234.5, '0.00')).toBe('1234.50');
    expect(displayText(0.1 + 0.2, undefined)).toBe('0.3');
  });
});

// ---------------------------------------------------------------------------------------------------------------
// The reader on what bureaus receive and on what they should never receive.

const read = async (bytes: Buffer) => readXlsxSource(bufferSource(bytes));
const oneSheet = (sheetData: string, after = '', extraStyles = '') => buildXlsx([{ name: '表', xml: worksheet(sheetData, after) }], extraStyles);
const cells = (wb: Workbook) => wb.sheets[0].rows.flatMap((r) => r.filter((c): c is Cell => c !== undefined).map((c) => [c.address, c.value, c.text]));

async function readError(what: string, bytes: Buffer): Promise<ReadError> {
  try {
    await read(bytes);
  } catch (e) {
    if (e instanceof ReadError) return e;
    throw e;
  }
  throw new Error(`${what}: read without error`);
}

/** The sample with its 收入总表 stored uncompressed and one digit of it changed: only the CRC can tell. */
function crcDamaged(parts: readonly Part[]): Buffer {
  const stored = parts.map((p) => (p.name === SAMPLE_SHEET(1) ? { ...p, store: true } : p));
  const bytes = writeZip(stored);
  const at = bytes.indexOf('<v>536.45</v>');
  if (at < 0) throw new Error('the sample\'s 收入总表 no longer prints 536.45 uncompressed');
  bytes[at + 3] = '7'.charCodeAt(0);
  return bytes;
}

describe('the .xlsx reader', () => {
  test('strings inline and shared (phonetic runs left out), booleans, errors, and namespace prefixes', async () => {
    const parts = (await sampleZipParts()).map((p) => p.name === 'xl/sharedStrings.xml'
      ? { ...p, data: Buffer.from(p.data.toString('utf8').replace(/<si><t[^>]*>部门预算收支总表<\/t><\/si>/, '<si><r><t>部门预算</t></r><r><t>收支总表</t></r><rPh sb="0" eb="2"><t>ぶもん</t></rPh></si>')) }
      : p);
    expect(cells((await read(writeZip(parts))).workbook)[0]).toEqual(['A1', '部门预算收支总表', '部门预算收支总表']);
    const wb = (await read(oneSheet(`<row r="1">${cellXml('A1', 'a&b <c>')}<c r="B1" t="b"><v>1</v></c><c r="C1" t="e"><v>#DIV/0!</v></c><c r="D1" t="str"><f>"x"</f><v>x</v></c></row>`))).workbook;
    expect(cells(wb)).toEqual([['A1', 'a&b <c>', 'a&b <c>'], ['B1', true, 'true'], ['C1', '#DIV/0!', '#DIV/0!'], ['D1', 'x', 'x']]);
    const prefixed = Buffer.from(`<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData><x:row r="2"><x:c r="B2" s="1"><x:v>1234.5</x:v></x:c></x:row></x:sheetData></x:worksheet>`);
    expect(cells((await read(buildXlsx([{ name: '表', xml: prefixed }]))).workbook)).toEqual([['B2', 1234.5, '1,234.50']]);
  });

  test('dates are text, never amounts: 1900 (with its 29 February) and 1904 systems; out of range shows ########', async () => {
    const wb = (await read(oneSheet(`<row r="1"><c r="A1" s="2"><v>45658</v></c><c r="B1" s="2"><v>60</v></c><c r="C1" s="2"><v>61</v></c><c r="D1" s="2"><v>99999999</v></c><c r="E1" s="3"><v>45658.5</v></c></row>`, '', '<numFmt numFmtId="177" formatCode="yyyy/m/d h:mm"/>'))).workbook;
    expect(cells(wb)).toEqual([['A1', '2025-01-01', '2025-01-01'], ['B1', '1900-02-29', '1900-02-29'], ['C1', '1900-03-01', '1900-03-01'], ['D1', '########', '########'], ['E1', '2025-01-01 12:00:00', '2025-01-01 12:00:00']]);
    expect(serialDateText(0, true, 'yyyy-mm-dd')).toBe('1904-01-01');
    expect(isDateFormat('#,##0.00_);[Red](#,##0.00)')).toBe(false);
    expect(isDateFormat('0.00"万元"')).toBe(false);
    expect(isDateFormat('[$-804]yyyy"年"m"月"d"日"')).toBe(true);
    expect(isDateFormat('General')).toBe(false);
  });

  test('formulas: the cached result is the value; shared formulas are moved to their cell; an orphan keeps its value; no result is counted, never read as blank', async () => {
    const r = await read(oneSheet([
      '<row r="1"><c r="A1" s="1"><f t="shared" ref="A1:A3" si="0">SUM(B1:C1)</f><v>3</v></c></row>',
      '<row r="2"><c r="A2" s="1"><f t="shared" si="0"/><v>7</v></c><c r="B2"><f t="shared" si="9"/><v>5</v></c></row>',
      '<row r="3"><c r="A3" s="1"><f>$B$1+B2</f></c><c r="B3"><f t="shared" si="4"/></c></row>',
    ].join('')));
    const s = r.workbook.sheets[0];
    expect(s.rows[0][0]).toMatchObject({ value: 3, text: '3.00', formula: '=SUM(B1:C1)' });
    expect(s.rows[1][0]).toMatchObject({ value: 7, formula: '=SUM(B2:C2)' });
    expect(s.rows[1][1]).toMatchObject({ value: 5, text: '5', formula: '=' });
    expect(s.rows[2][0]).toMatchObject({ value: null, text: '', formula: '=$B$1+B2' });
    expect(r.uncalculated).toEqual({ count: 2, first: ['表!A3', '表!B3'] });
    expect(shiftFormula('IF(A1>0,"A1",Sheet2!B$2)+\'My Sheet\'!C3+$D4+LOG10(E5)', 2, 1)).toBe('IF(B3>0,"A1",Sheet2!C$2)+\'My Sheet\'!D5+$D6+LOG10(F7)');
    expect(shiftFormula('A1', -5, 0)).toBe('#REF!');
  });

  test('only a plain decimal is a number: 0x10, NaN and Infinity are text (the hygiene rule reports them), 1e308 and -0 are numbers', async () => {
    const vs = ['0x10', 'NaN', 'Infinity', '1e308', '-0', ' 12.5 ', '1,234.00'];
    const wb = (await read(oneSheet(`<row r="1">${vs.map((v, i) => `<c r="${String.fromCharCode(65 + i)}1"><v>${v}</v></c>`).join('')}</row>`))).workbook;
    expect(wb.sheets[0].rows[0].map((c) => c?.value)).toEqual(['0x10', 'NaN', 'Infinity', 1e308, -0, 12.5, '1,234.00']);
  });

  test('an absurd number format is General; a million-character cell is cut at Excel\'s 32,767 characters', async () => {
    const wb = (await read(oneSheet(`<row r="1"><c r="A1" s="3"><v>1.5</v></c><c r="B1" t="inlineStr"><is><t>${'预'.repeat(1_000_000)}</t></is></c></row>`, '', `<numFmt numFmtId="177" formatCode="0.${'0'.repeat(300)}"/>`))).workbook;
    const [a, b] = wb.sheets[0].rows[0];
    expect([a!.value, a!.text, a!.numberFormat]).toEqual([1.5, '1.5', undefined]);
    expect((b!.value as string).length).toBe(MAX_CELL_TEXT);
    expect(displayText(1.5, `0.${'0'.repeat(150)}`)).toBe('1.5');
  });

  test('merged cells keep the first cell only; a merge over the whole sheet and a stray XFD1048576 cell cost only the cells there are', async () => {
    const r = await read(oneSheet(
      `<row r="1">${cellXml('A1', '部门预算支出总表')}${cellXml('B1', 'stale')}</row><row r="2">${cellXml('A2', '单位：万元')}</row><row r="1048576"><c r="XFD1048576"><v>1</v></c></row>`,
      '<mergeCells count="2"><mergeCell ref="A1:E1"/><mergeCell ref="A2:XFD1048576"/></mergeCells>',
    ));
    const rows = r.workbook.sheets[0].rows;
    expect(cells(r.workbook)).toEqual([['A1', '部门预算支出总表', '部门预算支出总表'], ['A2', '单位：万元', '单位：万元']]);
    // A stray cell under a merge is dropped like any other; rows between hold one shared empty row, not a million.
    expect(rows.length).toBe(1048576);
    expect(rows[5]).toBe(rows[500_000]);
    expect(rows[5]).toHaveLength(0);
    const stray = (await read(oneSheet(`<row r="1">${cellXml('A1', 'x')}</row><row r="1048576"><c r="XFD1048576"><v>1</v></c></row>`))).workbook.sheets[0].rows;
    expect(stray[1048575][16383]).toMatchObject({ address: 'XFD1048576', value: 1 });
    expect(Object.keys(stray[1048575])).toEqual(['16383']);
  });

  test('empty rows cost nothing: 200,000 formatted empty rows are one row', async () => {
    const wb = (await read(buildXlsx([{ name: '支出总表', xml: emptyRowsSheet(200_000) }]))).workbook;
    expect(wb.sheets[0].rows).toHaveLength(1);
  });

  test('what does not hold together is a ReadError with a code, its detail apart', async () => {
    const sample = SAMPLE_BYTES();
    const parts = await sampleZipParts();
    const sheet = (edit: (x: string) => string) => writeZip(editPart(parts, SAMPLE_SHEET(1), edit));
    const cases: Array<[string, Buffer, string]> = [
      ['text', Buffer.from('not a workbook at all'), 'not-workbook'],
      ['truncated', sample.subarray(0, 9000), 'corrupt'],
      ['no central directory', sample.subarray(0, sample.length - 22), 'corrupt'],
      ['CRC', crcDamaged(parts), 'corrupt'],
      ['DTD', sheet((x) => x.replace('?>', '?><!DOCTYPE x [<!ENTITY a "aaaa">]>')), 'corrupt'],
      ['unclosed', sheet((x) => x.replace('</sheetData>', '')), 'corrupt'],
      ['row past the last', sheet((x) => x.replace('</sheetData>', '<row r="1048577"/></sheetData>')), 'corrupt'],
      ['no such shared string', sheet((x) => appendRow(x, 900, '<c r="A900" t="s"><v>99999</v></c>')), 'corrupt'],
      ['missing sheet part', writeZip(parts.filter((p) => p.name !== SAMPLE_SHEET(3))), 'corrupt'],
      ['two parts of one name', writeZip([...parts, parts[3]]), 'corrupt'],
      ['an OpenDocument file', writeZip([{ name: 'mimetype', data: Buffer.from('application/vnd.oasis.opendocument.spreadsheet'), store: true }, { name: 'content.xml', data: Buffer.from('<x/>') }]), 'unsupported'],
      ['a Word file', writeZip([{ name: 'word/document.xml', data: Buffer.from('<x/>') }]), 'not-workbook'],
    ];
    for (const [what, bytes, code] of cases) {
      const e = await readError(what, bytes);
      expect([what, e.code]).toEqual([what, code]);
      expect(e.detail.length).toBeGreaterThan(0);
    }
  });

  test('OLE compound files: a password-protected .xlsx, an .xls with and without a password, something else', () => {
    expect(classifyOle(bufferSource(encryptedXlsx()))).toBe('encrypted-ooxml');
    expect(classifyOle(bufferSource(writeCfb([{ name: 'Workbook', data: biffWorkbook(true) }])))).toBe('xls-encrypted');
    expect(classifyOle(bufferSource(writeCfb([{ name: 'Workbook', data: biffWorkbook(false) }])))).toBe('xls');
    expect(classifyOle(bufferSource(writeCfb([{ name: 'WordDocument', data: Buffer.alloc(5000) }])))).toBe('other');
  });
});
