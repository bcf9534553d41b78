import {
  Document,
  FootnoteReferenceRun,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  VerticalMergeType,
} from 'docx';

/**
 * Writes text in the Word-export layout (one paragraph per line, `[footnoteRef:N]` with ` [N:  body]`,
 * tables one tab-indented cell per line with empty cells for vertical merges) as a real .docx with
 * Word footnotes and a Word table with merged cells — the inverse of `readDocx`. Used to turn the
 * sample plan into a Word document for tests and benchmarks, and to export a plan's text to Word.
 */
export async function writeWordExportDocx(text: string): Promise<Uint8Array> {
  const footnotes: Record<number, { children: Paragraph[] }> = {};
  const children = parseBlocks(text).map((block) =>
    block.kind === 'paragraph' ? buildParagraph(block.text, footnotes) : buildTable(block.rows),
  );
  return new Uint8Array(await Packer.toBuffer(new Document({ footnotes, sections: [{ children }] })));
}

const BOOKMARK = /\[bookmark: [^\]]*\]/g;
const NOTE_BODY = / \[(\d+): {2}([^\]]*)\]\s*$/;

type Block = { kind: 'paragraph'; text: string } | { kind: 'table'; rows: string[][] };

/** Splits the sample into paragraphs and tables (a blank line, then rows each closed by a blank line). */
function parseBlocks(text: string): Block[] {
  const lines = text.replace(/\n$/, '').split('\n');
  const blocks: Block[] = [];
  let i = 0;
  while (i < lines.length) {
    const line = lines[i] ?? '';
    if (line === '' && lines[i + 1]?.startsWith('\t')) {
      const rows: string[][] = [];
      i++;
      while (lines[i]?.startsWith('\t')) {
        const cells: string[] = [];
        for (; i < lines.length && lines[i] !== ''; i++) {
          const cellLine = lines[i] ?? '';
          if (cellLine.startsWith('\t')) cells.push(cellLine.slice(1));
          else cells.push(`${cells.pop() ?? ''}\n${cellLine}`);
        }
        rows.push(cells);
        i++; // the blank line closing the row
      }
      blocks.push({ kind: 'table', rows });
      continue;
    }
    blocks.push({ kind: 'paragraph', text: line });
    i++;
  }
  return blocks;
}

function buildParagraph(line: string, footnotes: Record<number, { children: Paragraph[] }>): Paragraph {
  let text = line.replace(BOOKMARK, '');
  for (let match = NOTE_BODY.exec(text); match; match = NOTE_BODY.exec(text)) {
    footnotes[Number(match[1]) + 1] = { children: [new Paragraph(match[2] ?? '')] };
    text = text.slice(0, match.index);
  }
  const children = text
    .split(/\[footnoteRef:(\d+)\]/)
    .map((part, index) => (index % 2 === 1 ? new FootnoteReferenceRun(Number(part) + 1) : new TextRun(part)));
  return new Paragraph({ children });
}

/** Rows of 4 cells span the name over the 2 middle grid columns; empty cells continue the cell above. */
function buildTable(rows: string[][]): Table {
  const columns = Math.max(...rows.map((row) => row.length));
  const restarts = new Set<string>();
  const gridRows = rows.map((row, r) => {
    let column = 0;
    return row.map((text) => {
      const span = row.length < columns && column === 2 ? columns - row.length + 1 : 1;
      const placed = { text, r, column, span };
      if (text === '' && r > 0) restarts.add(`${r - 1}:${column}`);
      column += span;
      return placed;
    });
  });
  return new Table({
    columnWidths: Array.from({ length: columns }, () => 1500),
    rows: gridRows.map(
      (row) =>
        new TableRow({
          children: row.map(
            ({ text, r, column, span }) =>
              new TableCell({
                children: text.split('\n').map((paragraph) => new Paragraph(paragraph.replace(BOOKMARK, ''))),
                columnSpan: span,
                verticalMerge:
                  text === '' && r > 0
                    ? VerticalMergeType.CONTINUE
                    : restarts.has(`${r}:${column}`)
                      ? VerticalMergeType.RESTART
                      : undefined,
              }),
          ),
        }),
    ),
  });
}
