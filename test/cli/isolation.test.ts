/**
 * One file can never take the batch down: each is checked in a child process under a memory and a time limit.
 * A child that misbehaves on purpose (test/cli/misbehaving-child.ts) runs out of memory for real, hangs, or
 * exits; each file gets its verdict and the next file is checked in a fresh process.
 */
import { join } from 'node:path';
import { CheckerPool } from '../../cli/pool';
import type { CheckSettings } from '../../cli/check-file';

const settings: CheckSettings = { strict: false, lang: 'zh', verbose: true, convertTimeoutMs: 10_000 };

describe('checking each file in a process of its own', () => {
  test('out of memory, out of time, or a crash: a verdict for that file, and the next file is checked', async () => {
    // A minimum heap (the pool gives the child maxMemoryMb less 160) and a time limit far beyond what an answer takes (start-up is not counted).
    const pool = new CheckerPool({ settings, maxMemoryMb: 256, timeoutMs: 3_000, childModule: join(__dirname, 'misbehaving-child.ts') });
    try {
      const oom = await pool.check('/dev/null', 'a-oom.xlsx');
      expect(oom).toMatchObject({ path: 'a-oom.xlsx', errorCode: 'memory', error: '文件过大或结构异常，无法在限定内存内检查（上限 256 MB）' });
      expect(oom.detail).toMatch(/heap|memory|resident/i);
      expect(await pool.check('/dev/null', 'b.xlsx')).toEqual({ path: 'b.xlsx', tables: [], findings: [] });
      expect(await pool.check('/dev/null', 'c-hang.xlsx')).toMatchObject({ errorCode: 'timeout', error: '文件过大或结构异常，无法在限定时间内检查（上限 3 秒）' });
      expect(await pool.check('/dev/null', 'd.xlsx')).toEqual({ path: 'd.xlsx', tables: [], findings: [] });
      const exit = await pool.check('/dev/null', 'e-exit.xlsx');
      expect(exit).toMatchObject({ errorCode: 'internal', error: '检查此文件时程序出错，未能完成检查：请把此文件反馈给维护人员' });
      expect(exit.detail).toMatch(/exit code 7/);
      expect(await pool.check('/dev/null', 'f.xlsx')).toEqual({ path: 'f.xlsx', tables: [], findings: [] });
    } finally {
      pool.stop();
    }
  }, 60_000);

  test('rounding runs under the same limits: a file that hangs or exhausts memory gets its message in the rounding report\'s shape', async () => {
    const pool = new CheckerPool({ settings, maxMemoryMb: 256, timeoutMs: 3_000, childModule: join(__dirname, 'misbehaving-child.ts') });
    const target = { unit: 'wan' as const, decimals: 2 };
    try {
      expect(await pool.round('/dev/null', 'a-hang.xlsx', '/tmp/a.xlsx', target)).toMatchObject({ input: 'a-hang.xlsx', error: '文件过大或结构异常，无法在限定时间内检查（上限 3 秒）' });
      expect(await pool.round('/dev/null', 'b.xlsx', '/tmp/b.xlsx', target)).toEqual({ input: 'b.xlsx', output: '/tmp/b.xlsx' });
      expect(await pool.round('/dev/null', 'c-oom.xlsx', '/tmp/c.xlsx', target)).toMatchObject({ input: 'c-oom.xlsx', error: '文件过大或结构异常，无法在限定内存内检查（上限 256 MB）' });
      expect(await pool.check('/dev/null', 'd.xlsx')).toEqual({ path: 'd.xlsx', tables: [], findings: [] });
    } finally {
      pool.stop();
    }
  }, 60_000);
});
