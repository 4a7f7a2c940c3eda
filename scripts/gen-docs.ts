// Regenerates docs/rules.md from the rule registry: npx tsx scripts/gen-docs.ts
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { rulesMarkdown } from '../src/rules/docs';

writeFileSync(join(__dirname, '..', 'docs', 'rules.md'), rulesMarkdown());
