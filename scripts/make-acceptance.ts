// The acceptance workbook (docs/acceptance.md): the bundled sample with one planted error, 支出总表 D16
// (项 2080505 机关事业单位基本养老保险缴费支出, 合计) typed 192.48 for 129.48. Everything else as published.
//   npx tsx scripts/make-acceptance.ts [OUT]     (default: sample/验收工作簿-支出总表D16.xlsx)
import ExcelJS from 'exceljs';
import { join } from 'node:path';
import { samplePath } from '../cli/sample';

export const ACCEPTANCE_PATH = join('sample', '验收工作簿-支出总表D16.xlsx');

export async function makeAcceptance(out: string): Promise<void> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(samplePath());
  const sheet = book.getWorksheet('支出总表');
  if (!sheet) throw new Error('the sample has no 支出总表');
  const cell = sheet.getCell('D16');
  if (cell.value !== 129.48) throw new Error(`支出总表!D16 holds ${String(cell.value)}, not 129.48: the sample changed`);
  cell.value = 192.48;
  await book.xlsx.writeFile(out);
}

if (require.main === module) {
  const out = process.argv[2] ?? ACCEPTANCE_PATH;
  makeAcceptance(out).then(() => console.log(`已写入 ${out}`), (e: unknown) => { console.error(e); process.exit(2); });
}
