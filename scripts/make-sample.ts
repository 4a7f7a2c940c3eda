// Regenerates the bundled sample workbook from the seed-004 fixtures: npx tsx scripts/make-sample.ts
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { sampleSheets, SAMPLE_PATH } from '../cli/sample';
import { writeXlsx } from '../cli/write';

void (async () => {
  const out = join(__dirname, '..', SAMPLE_PATH);
  writeFileSync(out, await writeXlsx(sampleSheets(join(__dirname, '..', 'test', 'fixtures', 'seed-004'))));
  console.log(`wrote ${out}`);
})();
