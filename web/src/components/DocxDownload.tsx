/** A board's own plan or report as a Word file (GET …/documents/{kind}/export.docx), in the page's language. */
import { useState } from 'preact/hooks';
import { t, useLocale } from '../i18n';
import { downloadFile } from '../lib/download';
import { Button } from './ui';

export function DocxDownload({ year, boardId, kind }: { year: number; boardId: string; kind: string }) {
  const locale = useLocale();
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState<string | null>(null);
  const download = async () => {
    setBusy(true);
    setFailed(null);
    try {
      await downloadFile(`/cycles/${year}/boards/${encodeURIComponent(boardId)}/documents/${kind}/export.docx?lang=${locale}`, `arshjul-${year}-${boardId}-${kind}.docx`);
    } catch (error) {
      setFailed(t('reports.downloadFailed', { detail: error instanceof Error ? error.message : String(error) }));
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <Button variant="link" onClick={() => void download()} disabled={busy}>
        {busy ? t('reports.downloading') : t('reports.documentDownload')}
      </Button>
      {failed && (
        <span role="alert" class="field__error">
          {failed}
        </span>
      )}
    </>
  );
}
