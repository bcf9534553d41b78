import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { readDocx } from './docx.reader.js';

const NAMESPACES = [
  'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"',
  'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"',
  'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"',
  'xmlns:v="urn:schemas-microsoft-com:vml"',
  'xmlns:m="http://schemas.openxmlformats.org/officeDocument/2006/math"',
].join(' ');

/** A minimal package without relationships: the reader falls back to word/document.xml etc. */
function docx(body: string): Uint8Array {
  const xml = `<?xml version="1.0" encoding="UTF-8"?><w:document ${NAMESPACES}><w:body>${body}</w:body></w:document>`;
  return zipSync({ 'word/document.xml': strToU8(xml) });
}

const p = (inner: string): string => `<w:p>${inner}</w:p>`;
const r = (text: string, properties = ''): string =>
  `<w:r>${properties ? `<w:rPr>${properties}</w:rPr>` : ''}<w:t xml:space="preserve">${text}</w:t></w:r>`;

describe('readDocx: WordprocessingML details', () => {
  it('reads a text box once (mc:Choice, not also its VML fallback), in place of its anchor paragraph', () => {
    const box = `<w:txbxContent>${p(r('专栏1 重点项目'))}</w:txbxContent>`;
    const body =
      p(r('前文')) +
      p(
        `<w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wps:txbx>${box}</wps:txbx></w:drawing></mc:Choice>` +
          `<mc:Fallback><w:pict><v:shape><v:textbox>${box}</v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r>`,
      ) +
      p(r('后文'));
    expect(readDocx(docx(body))).toBe('前文\n专栏1 重点项目\n后文\n');
  });

  it('skips hidden runs, field instructions, ruby text and deleted paragraphs; keeps field results and math', () => {
    const body =
      p(r('可见') + r('隐藏', '<w:vanish/>') + r('仍可见', '<w:vanish w:val="false"/>')) +
      p(
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> PAGEREF _Toc1 \\h </w:instrText></w:r>' +
          '<w:r><w:fldChar w:fldCharType="separate"/></w:r>' +
          r('12') +
          '<w:r><w:fldChar w:fldCharType="end"/></w:r>',
      ) +
      p('<w:r><w:ruby><w:rt>guī</w:rt><w:rubyBase>' + r('规') + '</w:rubyBase></w:ruby></w:r>' + r('划')) +
      '<w:p><w:pPr><w:rPr><w:del w:id="1" w:author="a" w:date="2025-01-01T00:00:00Z"/></w:rPr></w:pPr>' +
      '<w:del w:id="2" w:author="a" w:date="2025-01-01T00:00:00Z"><w:r><w:delText>整段删除</w:delText></w:r></w:del></w:p>' +
      p('<m:oMath><m:r><m:t>x+1</m:t></m:r></m:oMath>' + r('≥0'));
    expect(readDocx(docx(body))).toBe('可见仍可见\n12\n规划\nx+1≥0\n');
  });

  it('handles endnotes, custom note marks and references to missing notes', () => {
    const body = p(
      r('甲') +
        '<w:r><w:endnoteReference w:id="3"/></w:r>' +
        r('乙') +
        '<w:r><w:footnoteReference w:customMarkFollows="1" w:id="2"/><w:t>*</w:t></w:r>' +
        '<w:r><w:footnoteReference w:id="99"/></w:r>',
    );
    const footnotes =
      '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>' +
      `<w:footnote w:id="2"><w:p><w:r><w:footnoteRef/></w:r>${r(' 脚注 ')}</w:p></w:footnote>`;
    const withEndnotes = zipSync({
      'word/document.xml': strToU8(`<w:document ${NAMESPACES}><w:body>${body}</w:body></w:document>`),
      'word/footnotes.xml': strToU8(`<w:footnotes ${NAMESPACES}>${footnotes}</w:footnotes>`),
      'word/endnotes.xml': strToU8(
        `<w:endnotes ${NAMESPACES}><w:endnote w:id="3"><w:p>${r('尾注')}</w:p></w:endnote></w:endnotes>`,
      ),
    });
    expect(readDocx(withEndnotes)).toBe('甲[footnoteRef:0]乙[footnoteRef:1] [0:  尾注] [1:  脚注] \n');
  });

  it('reads strict OOXML and follows the package relationships to renamed parts', () => {
    const strict = 'http://purl.oclc.org/ooxml/wordprocessingml/main';
    const rels = (xml: string): Uint8Array =>
      strToU8(
        `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${xml}</Relationships>`,
      );
    const zip = zipSync({
      '_rels/.rels': rels(
        '<Relationship Id="r1" Type="http://purl.oclc.org/ooxml/officeDocument/relationships/officeDocument" Target="/main/doc.xml"/>',
      ),
      'main/_rels/doc.xml.rels': rels(
        '<Relationship Id="r2" Type="http://purl.oclc.org/ooxml/officeDocument/relationships/footnotes" Target="../notes/fn.xml"/>',
      ),
      'main/doc.xml': strToU8(
        `<w:document xmlns:w="${strict}"><w:body><w:p><w:r><w:t>正文</w:t></w:r><w:r><w:footnoteReference w:id="1"/></w:r></w:p></w:body></w:document>`,
      ),
      'notes/fn.xml': strToU8(
        `<w:footnotes xmlns:w="${strict}"><w:footnote w:id="1"><w:p><w:r><w:t>注</w:t></w:r></w:p></w:footnote></w:footnotes>`,
      ),
    });
    expect(readDocx(zip)).toBe('正文[footnoteRef:0] [0:  注] \n');
  });
});
