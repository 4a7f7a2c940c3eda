/**
 * The published Shanghai documents as .xlsx files a bureau receives (amounts as numbers with their printed
 * formats, codes as printed), read by the batch checker's reader: the same tables and the same findings as the
 * engine gives on the transcribed tables.
 */
import { writeXlsx } from '../../cli/write';
import { readXlsx } from '../../cli/xlsx';
import { checkWorkbook } from '../../src/engine';
import type { Finding } from '../../src/findings';
import { corpusSheets } from '../helpers/cli';
import { CORPUS_DOCUMENTS, corpusWorkbook } from '../helpers/fixtures';

const identity = (f: Finding) => [f.rule, f.relation, f.subject, f.columns, f.severity, f.rounding, f.sheet, f.cells, f.difference];

describe('corpus documents as .xlsx through the batch checker\'s reader', () => {
  test.each(CORPUS_DOCUMENTS.map((d) => [d]))('%s', async (doc) => {
    const wb = await readXlsx(await writeXlsx(corpusSheets(doc)));
    const fromXlsx = checkWorkbook(wb);
    const fromTsv = checkWorkbook(corpusWorkbook(doc));
    expect(fromXlsx.tables.map((t) => [t.kind, t.range, t.unit, t.year])).toEqual(fromTsv.tables.map((t) => [t.kind, t.range, t.unit, t.year]));
    expect(fromXlsx.findings.map(identity)).toEqual(fromTsv.findings.map(identity));
  });
});
