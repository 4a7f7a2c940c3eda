// Makes sure a Chromium is there for the end-to-end tests (npm test runs this first, as `pretest`).
// Debian's chromium is used: browser downloads by test tools are not reachable from closed networks.
// Installs it with apt-get when running as root (CI, containers) or with password-less sudo; otherwise says
// how to install it, and the end-to-end tests are skipped with a message.
import { execFileSync, spawnSync } from 'node:child_process';
import { findChromium } from '../test/helpers/browser';

function canRun(cmd: string, args: string[]): boolean {
  return spawnSync(cmd, args, { stdio: 'ignore' }).status === 0;
}

function hasCjkFont(): boolean {
  return spawnSync('fc-list', [':lang=zh'], { encoding: 'utf8' }).stdout?.trim() !== '';
}

function main(): void {
  if (findChromium() && hasCjkFont()) return;
  if (process.env.SKIP_BROWSER_INSTALL === '1') return;
  const root = process.getuid?.() === 0;
  const sudo = !root && canRun('sudo', ['-n', 'true']);
  if (!canRun('apt-get', ['--version']) || (!root && !sudo)) {
    console.warn('未找到 Chromium，端到端测试将跳过。安装方法：sudo apt-get install chromium\nChromium not found: the end-to-end tests will be skipped. Install it with: sudo apt-get install chromium');
    return;
  }
  console.log('正在安装 Chromium（端到端测试需要）… / installing Chromium for the end-to-end tests…');
  const run = (args: string[]) => execFileSync(sudo ? 'sudo' : args[0], sudo ? ['-n', ...args] : args.slice(1), { stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  try {
    run(['apt-get', 'update', '-qq']);
    // A CJK font, or the screenshot artifact shows boxes for every Chinese character.
    run(['apt-get', 'install', '-y', '-qq', '--no-install-recommends', 'chromium', 'fonts-wqy-microhei']);
  } catch (e) {
    console.warn(`Chromium 安装失败，端到端测试将跳过 / installing Chromium failed, the end-to-end tests will be skipped: ${e instanceof Error ? e.message : String(e)}`);
  }
}

main();
