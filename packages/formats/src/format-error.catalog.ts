import { FormatError } from './format.error.js';
import type { FormatErrorOptions } from './format.error.js';

/** Which kind of document an error is about; it picks the wording of the message. */
export type DocumentKind = 'docx' | 'pdf' | 'text';

const MIB = 1024 * 1024;

function mib(bytes: number): string {
  const value = bytes / MIB;
  return Number.isInteger(value) ? String(value) : value.toFixed(1);
}

/**
 * Factories for every {@link FormatError} the readers throw, so that the bilingual wording lives in
 * one place. Each message names the problem and what the user can do about it.
 */
export const formatErrors = {
  empty(options?: FormatErrorOptions): FormatError {
    return new FormatError(
      'empty',
      {
        zh: '文件为空（没有任何内容），请检查文件后重新上传。',
        en: 'The file is empty; check the file and upload it again.',
      },
      options,
    );
  },

  fileTooLarge(size: number, limit: number): FormatError {
    return new FormatError(
      'too-large',
      {
        zh: `文件过大（${mib(size)} MB，上限 ${mib(limit)} MB），请删除图片等非正文内容或拆分后重新上传。`,
        en: `The file is too large (${mib(size)} MB, limit ${mib(limit)} MB); remove images and other non-text content or split it, then upload it again.`,
      },
      { detail: `${size} bytes > maxFileBytes ${limit}` },
    );
  },

  expandsTooLarge(limit: number, detail: string): FormatError {
    return new FormatError(
      'too-large',
      {
        zh: `文档解压后的内容过大（超过 ${mib(limit)} MB），文件可能已损坏或并非正常文档；请在 Word 中另存为新的 .docx 后重新上传。`,
        en: `The document expands to too much data (over ${mib(limit)} MB), so it may be damaged or malicious; save it as a new .docx in Word and upload it again.`,
      },
      { detail },
    );
  },

  textTooLarge(limit: number, detail: string): FormatError {
    return new FormatError(
      'too-large',
      {
        zh: `文档提取出的文字过多（超过 ${mib(limit)} MB），请只上传规划纲要正文。`,
        en: `The document yields too much text (over ${mib(limit)} MB); upload only the plan outline itself.`,
      },
      { detail },
    );
  },

  binary(options?: FormatErrorOptions): FormatError {
    return new FormatError(
      'binary',
      {
        zh: '文件不是可识别的文本（似乎是二进制数据），请上传 .docx、.pdf 或 .txt 格式的规划文本。',
        en: 'The file is not readable text (it looks like binary data); upload the plan as a .docx, .pdf or .txt file.',
      },
      options,
    );
  },

  corrupt(kind: DocumentKind, options?: FormatErrorOptions): FormatError {
    const messages =
      kind === 'pdf'
        ? {
            zh: 'PDF 文件已损坏或不完整，无法读取；请重新导出 PDF，或改为上传 Word（.docx）原文件。',
            en: 'The PDF file is damaged or incomplete and cannot be read; export the PDF again or upload the original Word (.docx) file instead.',
          }
        : kind === 'docx'
          ? {
              zh: 'Word 文档已损坏或不完整，无法读取；请在 Word 中打开并另存为 .docx 后重新上传。',
              en: 'The Word document is damaged or incomplete and cannot be read; open it in Word, save it again as .docx and upload it again.',
            }
          : {
              zh: '文件已损坏，无法读取；请重新导出后上传。',
              en: 'The file is damaged and cannot be read; export it again and upload it again.',
            };
    return new FormatError('corrupt', messages, options);
  },

  encrypted(kind: DocumentKind, options?: FormatErrorOptions): FormatError {
    const messages =
      kind === 'pdf'
        ? {
            zh: 'PDF 文件已加密（有密码保护），请取消密码后重新上传，或改为上传 Word（.docx）原文件。',
            en: 'The PDF is password-protected; remove the password and upload it again, or upload the original Word (.docx) file instead.',
          }
        : {
            zh: '文件已加密（有密码保护），请在 Word 中取消密码后重新上传。',
            en: 'The document is password-protected; remove the password in Word and upload it again.',
          };
    return new FormatError('encrypted', messages, options);
  },

  legacyWord(options?: FormatErrorOptions): FormatError {
    return new FormatError(
      'unsupported',
      {
        zh: '不支持旧版 Word（.doc）格式，请在 Word 中“另存为” .docx 格式后重新上传。',
        en: 'Old Word (.doc) files are not supported; use Save As → Word Document (.docx) in Word and upload it again.',
      },
      options,
    );
  },

  unsupported(what: string, options?: FormatErrorOptions): FormatError {
    return new FormatError(
      'unsupported',
      {
        zh: `不支持该文件格式（${what}），请将规划纲要保存为 .docx、.pdf 或 .txt 后重新上传。`,
        en: `This file format is not supported (${what}); save the plan outline as .docx, .pdf or .txt and upload it again.`,
      },
      options,
    );
  },

  noText(options?: FormatErrorOptions): FormatError {
    return new FormatError(
      'no-text',
      {
        zh: 'PDF 中没有可提取的文字（可能是扫描件或图片），请上传 Word（.docx）原文件或带文字层的 PDF。',
        en: 'The PDF has no extractable text (it is probably a scan or images); upload the original Word (.docx) file or a PDF with a text layer.',
      },
      options,
    );
  },
} as const;
