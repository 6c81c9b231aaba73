/**
 * The composed report (messages/compiledReport) as a Word document, with the `docx` library: a cover, a table of
 * contents from the headings, the headings per goal, a table and a native Word chart per council indicator (docx's
 * ChartRun: Word and LibreOffice draw it from its data, so nothing is rasterised on the server), and the chapters.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  HeadingLevel,
  Packer,
  PageBreak,
  Paragraph,
  Table,
  TableCell,
  TableOfContents,
  TableRow,
  TextRun,
  WidthType,
  type FileChild,
} from 'docx';
import { ChartRun } from 'docx/charts';
import type { ComposedReport, ReportBlock } from '../../messages/compiledReport';
import { say } from '../../messages/compiledReport';

export const DOCX_MEDIA_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

const headingLevels = { 1: HeadingLevel.HEADING_1, 2: HeadingLevel.HEADING_2, 3: HeadingLevel.HEADING_3 } as const;

/** The Word file of a composed report. */
export async function reportDocx(report: Pick<ComposedReport, 'lang' | 'title' | 'subtitle' | 'cover' | 'blocks'>): Promise<Buffer> {
  const language = report.lang === 'sv' ? 'sv-SE' : 'en-GB';
  const document = new Document({
    title: report.title,
    subject: report.subtitle,
    creator: 'Årshjul',
    description: report.subtitle,
    features: { updateFields: true },
    styles: {
      default: { document: { run: { font: 'Calibri', size: 22, language: { value: language } } } },
      paragraphStyles: [
        {
          id: 'BoardQuote',
          name: 'Board quote',
          basedOn: 'Normal',
          run: { italics: true },
          paragraph: { indent: { left: 567 }, spacing: { after: 160 } },
        },
      ],
    },
    sections: [
      {
        children: [
          new Paragraph({ heading: HeadingLevel.TITLE, spacing: { before: 2400, after: 400 }, children: [new TextRun(report.title)] }),
          new Paragraph({ spacing: { after: 400 }, children: [new TextRun({ text: report.subtitle, size: 28 })] }),
          ...report.cover.map((text) => new Paragraph({ children: [new TextRun(text)] })),
          new Paragraph({ children: [new PageBreak()] }),
          new Paragraph({ spacing: { after: 200 }, children: [new TextRun({ text: say('contents', report.lang), bold: true, size: 32 })] }),
          new TableOfContents(say('contents', report.lang), { hyperlink: true, headingStyleRange: '1-3' }),
          new Paragraph({ children: [new PageBreak()] }),
          ...report.blocks.flatMap(blockToDocx),
        ],
      },
    ],
  });
  return Packer.toBuffer(document);
}

function blockToDocx(block: ReportBlock): FileChild[] {
  switch (block.type) {
    case 'heading':
      return [new Paragraph({ heading: headingLevels[block.level], children: [new TextRun(block.text)] })];
    case 'paragraph':
      return [new Paragraph({ spacing: { after: 120 }, children: [new TextRun(block.text)] })];
    case 'quote':
      // A board's own text keeps its line breaks.
      return block.text.split(/\n+/).map((line) => new Paragraph({ style: 'BoardQuote', children: [new TextRun(line)] }));
    case 'table':
      return [
        new Paragraph({ spacing: { before: 120 }, keepNext: true, children: [new TextRun({ text: block.caption, bold: true })] }),
        new Table({
          width: { size: 100, type: WidthType.PERCENTAGE },
          rows: [
            new TableRow({ tableHeader: true, cantSplit: true, children: block.columns.map((column, i) => cell(column, block.numeric[i] ?? false, true)) }),
            ...block.rows.map(
              (row, r) =>
                new TableRow({
                  cantSplit: true,
                  children: row.map((text, i) => cell(text, block.numeric[i] ?? false, block.totalRow === true && r === block.rows.length - 1)),
                }),
            ),
          ],
        }),
        new Paragraph({ children: [] }),
      ];
    case 'chart':
      return [
        new Paragraph({
          keepNext: true,
          children: [
            new ChartRun({
              type: 'column',
              title: block.title,
              categories: block.categories,
              series: block.series.map((series) => ({ name: series.name, values: series.values, ...(series.line ? { type: 'line' as const, markers: false } : {}) })),
              legend: { position: 'bottom' },
              transformation: { width: 576, height: 288 },
              altText: { name: block.title, title: block.title, description: block.description },
            }),
          ],
        }),
      ];
  }
}

function cell(text: string, numeric: boolean, bold: boolean): TableCell {
  return new TableCell({
    borders: {
      top: { style: BorderStyle.SINGLE, size: 4, color: 'BFBFBF' },
      bottom: { style: BorderStyle.SINGLE, size: 4, color: 'BFBFBF' },
      left: { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' },
      right: { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' },
    },
    children: [new Paragraph({ alignment: numeric ? AlignmentType.RIGHT : AlignmentType.LEFT, children: [new TextRun({ text, bold })] })],
  });
}
