/**
 * The texts of the compiled report's print page, in Swedish (the source of the keys) and English; spread into ../sv.ts
 * and ../en.ts. The report's own sentences come from the server (shared/messages/compiledReportCatalogue), in the
 * language asked for, so the page and the Word file say the same.
 */
export const sv = {
  'reports.title.t1': 'Stadens tertialrapport 1 {year}',
  'reports.title.t2': 'Stadens tertialrapport 2 {year}',
  'reports.title.annual': 'Stadens verksamhetsberättelse {year}',
  'reports.kinds': 'Rapporter',
  'reports.kind.t1': 'Tertialrapport 1',
  'reports.kind.t2': 'Tertialrapport 2',
  'reports.kind.annual': 'Verksamhetsberättelse',
  'reports.download': 'Ladda ner som Word (.docx)',
  'reports.downloading': 'Hämtar …',
  'reports.print': 'Skriv ut',
  'reports.contents': 'Innehåll',
  'reports.chart.hidden': 'Diagrammet visar samma värden som tabellen ovan.',
  'reports.notAllowed': 'Stadens samlade rapporter läses av stadsledningskontoret, granskarna och kommunstyrelsen.',
  'reports.downloadFailed': 'Det gick inte att hämta filen: {detail}',
  'reports.link.signoff': 'Läs stadens verksamhetsberättelse {year} innan du avslutar året',
  'reports.link.overview': 'Stadens samlade rapporter för {year}',
  'reports.documentDownload': 'Ladda ner som Word (.docx)',
} as const;

export const en: Record<keyof typeof sv, string> = {
  'reports.title.t1': "The city's tertial report 1 {year}",
  'reports.title.t2': "The city's tertial report 2 {year}",
  'reports.title.annual': "The city's annual report {year}",
  'reports.kinds': 'Reports',
  'reports.kind.t1': 'Tertial report 1',
  'reports.kind.t2': 'Tertial report 2',
  'reports.kind.annual': 'Annual report',
  'reports.download': 'Download as Word (.docx)',
  'reports.downloading': 'Fetching …',
  'reports.print': 'Print',
  'reports.contents': 'Contents',
  'reports.chart.hidden': 'The chart shows the same values as the table above.',
  'reports.notAllowed': "The city's compiled reports are read by the city office, the reviewers and the executive board.",
  'reports.downloadFailed': 'The file could not be fetched: {detail}',
  'reports.link.signoff': "Read the city's annual report {year} before you sign off the year",
  'reports.link.overview': "The city's compiled reports for {year}",
  'reports.documentDownload': 'Download as Word (.docx)',
};
