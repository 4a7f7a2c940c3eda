/**
 * Why a file was not checked: a code for machines (the JSON report's `errorCode`), a sentence for people in both
 * languages, and the technical detail (library or system text) kept apart for `--verbose`.
 */
import type { Lang } from '../src/findings';

export type ErrorCode =
  | 'missing' | 'dangling-link' | 'link-loop' | 'not-a-file' | 'unreadable'
  | 'corrupt' | 'encrypted' | 'not-workbook' | 'unsupported' | 'empty' | 'no-tables' | 'uncalculated'
  | 'too-large' | 'memory' | 'timeout' | 'converter-missing' | 'conversion-failed' | 'internal';

/** A file that could not be checked, with the reason's code and the technical detail behind it. */
export class ReadError extends Error {
  constructor(readonly code: ErrorCode, readonly detail: string, readonly words?: { zh: string; en: string }) {
    super(`${code}: ${detail}`);
  }
}

/** What to install for .xls / .et files: said the same way in the message, the README and `--help`. */
export const INSTALL_LIBREOFFICE = {
  zh: '请安装 LibreOffice（Debian、统信 UOS、麒麟：sudo apt-get install libreoffice-calc-nogui；Windows：安装 LibreOffice 并用 --soffice 指定 soffice.exe，或把它所在的文件夹加入 PATH）',
  en: 'install LibreOffice (Debian, UOS, Kylin: sudo apt-get install libreoffice-calc-nogui; Windows: install LibreOffice and pass --soffice with the path of soffice.exe, or add its folder to PATH)',
} as const;

const MESSAGES: Record<ErrorCode, { zh: string; en: string }> = {
  'missing': { zh: '文件或文件夹不存在', en: 'no such file or folder' },
  'dangling-link': { zh: '快捷方式（符号链接）指向的文件不存在', en: 'the symbolic link points to a file that does not exist' },
  'link-loop': { zh: '快捷方式（符号链接）循环指向自身，已跳过', en: 'the symbolic link points back to itself (a loop); skipped' },
  'not-a-file': { zh: '不是普通文件（设备、管道等），未检查', en: 'not a regular file (a device, a pipe…); not checked' },
  'unreadable': { zh: '无法读取（没有权限或磁盘错误）', en: 'cannot be read (no permission, or a disk error)' },
  'corrupt': { zh: '文件已损坏，无法读取：请在 Excel 或 WPS 中打开（必要时修复）并另存为 .xlsx 后再检查', en: 'the file is damaged and cannot be read: open it in Excel or WPS (repair it if asked), save it as .xlsx and check again' },
  'encrypted': { zh: '文件已设置密码，请先取消密码再检查', en: 'the file is password-protected: remove the password and check again' },
  'not-workbook': { zh: '不是 Excel 工作簿（文件内容不是 .xlsx、.xls 或 .et 格式）', en: 'not an Excel workbook (the content is not .xlsx, .xls or .et)' },
  'unsupported': { zh: '不支持此格式：请在 Excel 或 WPS 中另存为 .xlsx', en: 'this format is not supported: save it as .xlsx in Excel or WPS' },
  'empty': { zh: '工作簿是空的，没有任何内容', en: 'the workbook is empty' },
  'no-tables': { zh: '未找到预算公开表：工作簿中没有可识别的部门预算表', en: 'no budget table found: the workbook holds none of the published budget tables' },
  'uncalculated': { zh: '公式未计算，请在 Excel 或 WPS 中打开并保存后再检查', en: 'formulas have not been calculated: open the file in Excel or WPS, save it and check again' },
  'too-large': { zh: '文件过大或结构异常，无法在限定内存内检查', en: 'the file is too large or abnormally built: it cannot be checked within the memory limit' },
  'memory': { zh: '文件过大或结构异常，无法在限定内存内检查', en: 'the file is too large or abnormally built: it cannot be checked within the memory limit' },
  'timeout': { zh: '文件过大或结构异常，无法在限定时间内检查', en: 'the file is too large or abnormally built: it cannot be checked within the time limit' },
  'converter-missing': { zh: `检查 .xls、.et 文件需要 LibreOffice：${INSTALL_LIBREOFFICE.zh}；或在 Excel、WPS 中另存为 .xlsx 后再检查`, en: `checking .xls and .et files needs LibreOffice: ${INSTALL_LIBREOFFICE.en}; or save the file as .xlsx in Excel or WPS` },
  'conversion-failed': { zh: 'LibreOffice 无法打开此文件（文件可能已损坏）：请在 Excel 或 WPS 中另存为 .xlsx 后再检查', en: 'LibreOffice could not open the file (it may be damaged): save it as .xlsx in Excel or WPS and check again' },
  'internal': { zh: '检查此文件时程序出错，未能完成检查：请把此文件反馈给维护人员', en: 'the checker failed on this file and could not finish: please send the file to the maintainers' },
};

/** The sentence for a code, with a specific addition (the cells of an uncalculated formula, the limit) when given. */
export function errorMessage(code: ErrorCode, lang: Lang, extra?: { zh: string; en: string }): string {
  const base = MESSAGES[code][lang];
  if (!extra) return base;
  return lang === 'zh' ? `${base}（${extra.zh}）` : `${base} (${extra.en})`;
}

/** A system error (ENOENT, EACCES, ELOOP…) as one of the codes above. */
export function codeOfSystemError(e: unknown): ErrorCode {
  const code = (e as { code?: unknown } | null)?.code;
  if (code === 'ENOENT' || code === 'ENOTDIR') return 'missing';
  if (code === 'ELOOP') return 'link-loop';
  if (code === 'EISDIR') return 'not-a-file';
  return 'unreadable';
}

/** Technical text of any thrown value, one line. */
export function detailOf(e: unknown): string {
  if (e instanceof ReadError) return e.detail;
  if (e instanceof Error) return `${e.name}: ${e.message}`.replace(/\s+/g, ' ').slice(0, 500);
  return String(e).slice(0, 500);
}
