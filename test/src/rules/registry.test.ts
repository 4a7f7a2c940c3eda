import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { RULES } from '../../../src/rules';
import { rulesMarkdown } from '../../../src/rules/docs';

describe('rule registry', () => {
  test('every rule has a unique id, a severity and zh/en texts', () => {
    const ids = RULES.map((r) => r.meta.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const r of RULES) {
      expect(r.meta.id).toMatch(/^[a-z]+(?:-[a-z]+)*$/);
      expect(['error', 'warning', 'info']).toContain(r.meta.severity);
      for (const t of [r.meta.description, r.meta.example]) {
        expect(t.zh).toMatch(/[\u4e00-\u9fff]/);
        expect(t.en.length).toBeGreaterThan(10);
      }
    }
  });

  test('docs/rules.md is generated from the registry and up to date', () => {
    expect(readFileSync(join(__dirname, '..', '..', '..', 'docs', 'rules.md'), 'utf8')).toBe(rulesMarkdown());
  });
});
