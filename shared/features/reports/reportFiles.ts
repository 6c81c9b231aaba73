/** The compiled report and a board's own documents, worded and as Word files: what the routes answer. */
import type { CompiledKind } from '../../domain/compiledReport';
import { composeReport, type ComposedReport } from '../../messages/compiledReport';
import { reportDocumentNames } from '../../messages/compiledReportCatalogue';
import { composeBoardDocument } from '../../messages/documentReport';
import type { Locale } from '../../schemas/boards';
import type { DocumentKind } from '../../schemas/common';
import type { PlanContent } from '../../schemas/documents';
import { loadDocument } from '../documents/context';
import { compiledReport, reportFileName, type CompiledReportDeps } from './compiledReport';
import { reportDocx } from './docx';

/** The compiled report, computed once and worded in `locale`. */
export async function composedCompiledReport(year: number, kind: CompiledKind, locale: Locale, deps: CompiledReportDeps): Promise<ComposedReport> {
  const { report, today } = await compiledReport(year, kind, deps);
  return composeReport(report, locale, { compiledOn: today });
}

/** GET …/reports/{kind}.docx: the Word file and its name. */
export async function compiledReportFile(year: number, file: `${CompiledKind}.docx`, locale: Locale, deps: CompiledReportDeps): Promise<{ bytes: Buffer; name: string }> {
  const kind = file.replace(/\.docx$/, '') as CompiledKind;
  const composed = await composedCompiledReport(year, kind, locale, deps);
  return { bytes: await reportDocx(composed), name: reportFileName(year, reportDocumentNames[locale][kind].title) };
}

/** GET …/boards/{boardId}/documents/{kind}/export.docx: one board's plan or report, with its plan's goal titles for a report. */
export async function documentFile(
  address: { year: number; boardId: string; kind: DocumentKind },
  locale: Locale,
  deps: CompiledReportDeps,
): Promise<{ bytes: Buffer; name: string }> {
  const [{ record }, board, goals, sections, plan] = await Promise.all([
    loadDocument(address, deps),
    deps.boards.get(address.boardId),
    deps.cycles.getCouncilGoals(address.year),
    deps.cycles.getSetting(address.year, 'reportSections'),
    address.kind === 'plan' ? Promise.resolve(undefined) : deps.documents.get(address.year, address.boardId, 'plan'),
  ]);
  const document = record.document;
  const composed = composeBoardDocument(
    {
      year: address.year,
      kind: address.kind,
      status: document.status,
      boardName: board?.name ?? address.boardId,
      content: document.content,
      ...(plan ? { plan: plan.document.content as PlanContent } : {}),
    },
    goals,
    sections?.sections ?? [],
    locale,
  );
  return {
    bytes: await reportDocx(composed),
    name: reportFileName(address.year, reportDocumentNames[locale][address.kind].title, address.boardId),
  };
}
