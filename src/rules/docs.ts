import { RULES } from './index';

/** docs/rules.md, generated from the rules' own metadata so the two cannot drift apart. */
export function rulesMarkdown(): string {
  const lines = [
    '# Rules · 校核规则',
    '',
    'Generated from each rule\'s `meta` (`npx tsx scripts/gen-docs.ts`); a test fails when this file is stale.',
    'Severity is that of a real difference; a difference within rounding is always a warning marked 尾差',
    '(`--strict` makes it an error).',
    '',
    '| id | severity | 说明 | description |',
    '| --- | --- | --- | --- |',
    ...RULES.map((r) => `| \`${r.meta.id}\` | ${r.meta.severity} | ${r.meta.description.zh} | ${r.meta.description.en} |`),
    '',
  ];
  for (const r of RULES) {
    lines.push(`## \`${r.meta.id}\``, '', r.meta.description.zh, '', r.meta.description.en, '', `例：${r.meta.example.zh}`, '', `Example: ${r.meta.example.en}`, '');
  }
  return lines.join('\n');
}
