/**
 * The city's compiled report as a print page (/cycles/{year}/reports/{kind}): the same blocks as the Word file, from
 * GET /api/cycles/{year}/compiled-reports/{kind} in the page's language. Each indicator's table comes before its
 * chart, so the chart is decoration for sighted readers (role="img" with a description) and the table is the text.
 * The print style sheet leaves out the app's frame and the buttons.
 */
import { useState } from 'preact/hooks';
import type { ComposedReport, ReportBlock } from '../../../shared/messages/compiledReport';
import { t, useLocale, type Key } from '../i18n';
import { api } from '../lib/api';
import { downloadFile } from '../lib/download';
import { may } from '../lib/policy';
import { paths } from '../lib/router';
import { useApp } from '../lib/session';
import { Button, ErrorNotice, Loading, Notice, PageTitle, TableWrap, useAsync } from '../components/ui';

export type CompiledKind = 't1' | 't2' | 'annual';
export const compiledKinds: readonly CompiledKind[] = ['t1', 't2', 'annual'];
export const isCompiledKind = (kind: string): kind is CompiledKind => (compiledKinds as readonly string[]).includes(kind);

/** The address of the print page, for links from the sign-off page and the overview. */
export const compiledReportPath = (year: number, kind: CompiledKind) => `/cycles/${year}/reports/${kind}`;

export function CompiledReportPage({ year, kind }: { year: number; kind: CompiledKind }) {
  const { session } = useApp();
  const locale = useLocale();
  const allowed = may(session?.user, 'reports.read');
  const report = useAsync(async () => (allowed ? (await api<ComposedReport>('GET', `/cycles/${year}/compiled-reports/${kind}?lang=${locale}`)).data : undefined), [year, kind, locale, allowed]);
  const [downloading, setDownloading] = useState(false);
  const [failed, setFailed] = useState<string | null>(null);
  const title = t(`reports.title.${kind}` as Key, { year });

  const download = async () => {
    setDownloading(true);
    setFailed(null);
    try {
      await downloadFile(`/cycles/${year}/reports/${kind}.docx?lang=${locale}`, `arshjul-${year}-${kind}.docx`);
    } catch (error) {
      setFailed(t('reports.downloadFailed', { detail: error instanceof Error ? error.message : String(error) }));
    } finally {
      setDownloading(false);
    }
  };

  return (
    <div class="page compiled-report" lang={locale}>
      <PageTitle title={title}>{report.data?.title ?? title}</PageTitle>
      <nav class="compiled-report__kinds no-print" aria-label={t('reports.kinds')}>
        <ul>
          {compiledKinds.map((k) => (
            <li key={k}>
              <a href={compiledReportPath(year, k)} aria-current={k === kind ? 'page' : undefined}>
                {t(`reports.kind.${k}` as Key)}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      {!allowed && <Notice tone="warning">{t('reports.notAllowed')}</Notice>}
      {allowed && !report.data && (report.loading ? <Loading /> : <ErrorNotice error={report.error} onRetry={report.reload} />)}
      {report.data && (
        <>
          <div class="compiled-report__actions no-print">
            <Button onClick={() => void download()} disabled={downloading}>
              {downloading ? t('reports.downloading') : t('reports.download')}
            </Button>
            <Button variant="secondary" onClick={() => window.print()}>
              {t('reports.print')}
            </Button>
          </div>
          {failed && <Notice tone="error">{failed}</Notice>}
          <p class="lead">{report.data.subtitle}</p>
          {report.data.cover.map((line) => (
            <p key={line}>{line}</p>
          ))}
          <Contents blocks={report.data.blocks} />
          {report.data.blocks.map((block, i) => (
            <Block key={i} block={block} index={i} />
          ))}
        </>
      )}
      <p class="no-print">
        <a href={paths.overview(year)}>{t('nav.overview')}</a>
      </p>
    </div>
  );
}

function Contents({ blocks }: { blocks: ReportBlock[] }) {
  const chapters = blocks.filter((block): block is Extract<ReportBlock, { type: 'heading' }> => block.type === 'heading' && block.level === 1);
  return (
    <nav class="compiled-report__contents card" aria-labelledby="report-contents">
      <h2 id="report-contents">{t('reports.contents')}</h2>
      <ol>
        {chapters.map((chapter) => (
          <li key={chapter.id}>
            <a href={`#${chapter.id}`}>{chapter.text}</a>
          </li>
        ))}
      </ol>
    </nav>
  );
}

function Block({ block, index }: { block: ReportBlock; index: number }) {
  switch (block.type) {
    case 'heading': {
      // The page's own title is the h1: the report's chapters start at h2.
      const Tag = (['h2', 'h3', 'h4'] as const)[block.level - 1]!;
      return <Tag id={block.id}>{block.text}</Tag>;
    }
    case 'paragraph':
      return <p>{block.text}</p>;
    case 'quote':
      return (
        <blockquote class="compiled-report__quote">
          {block.text.split(/\n+/).map((line, i) => (
            <p key={i}>{line}</p>
          ))}
        </blockquote>
      );
    case 'table':
      return (
        <TableWrap label={block.caption}>
          <table class="table">
            <caption>{block.caption}</caption>
            <thead>
              <tr>
                {block.columns.map((column, i) => (
                  <th key={i} scope="col" class={block.numeric[i] ? 'num' : undefined}>
                    {column}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {block.rows.map((row, r) => {
                const total = block.totalRow === true && r === block.rows.length - 1;
                return (
                  <tr key={r} class={total ? 'total' : undefined}>
                    {row.map((cell, i) =>
                      i === 0 ? (
                        <th key={i} scope="row">
                          {cell}
                        </th>
                      ) : (
                        <td key={i} class={block.numeric[i] ? 'num' : undefined}>
                          {cell}
                        </td>
                      ),
                    )}
                  </tr>
                );
              })}
            </tbody>
          </table>
        </TableWrap>
      );
    case 'chart':
      return <Chart block={block} id={`report-chart-${index}`} />;
  }
}

/** Grouped bars per board (its target and its value) with the council's target as a dashed line. */
function Chart({ block, id }: { block: Extract<ReportBlock, { type: 'chart' }>; id: string }) {
  const [target, value, council] = block.series;
  const numbers = block.series.flatMap((series) => series.values).filter((v): v is number => v !== null);
  const max = Math.max(...numbers, 0) * 1.1 || 1;
  const min = Math.min(0, ...numbers);
  const width = 640;
  const labelWidth = 200;
  const rowHeight = 30;
  const top = 26;
  const plot = width - labelWidth - 20;
  const x = (v: number) => labelWidth + ((v - min) / (max - min)) * plot;
  const height = top + block.categories.length * rowHeight + 10;
  const councilValue = council?.values[0] ?? null;
  return (
    <figure class="compiled-report__chart">
      <svg class="meter-chart" viewBox={`0 0 ${width} ${height}`} role="img" aria-labelledby={`${id}-title ${id}-desc`} preserveAspectRatio="xMinYMin meet">
        <title id={`${id}-title`}>{block.title}</title>
        <desc id={`${id}-desc`}>{block.description}</desc>
        <g class="meter-chart__legend" transform="translate(0,12)">
          <rect x={0} y={-9} width={14} height={10} class="bar bar--target" />
          <text x={20} y={0}>
            {target?.name}
          </text>
          <rect x={200} y={-9} width={14} height={10} class="bar bar--outcome" />
          <text x={220} y={0}>
            {value?.name}
          </text>
          <line x1={360} x2={380} y1={-4} y2={-4} class="council-line" />
          <text x={386} y={0}>
            {council?.name}
          </text>
        </g>
        {block.categories.map((name, i) => {
          const y = top + i * rowHeight;
          const t1 = target?.values[i] ?? null;
          const v1 = value?.values[i] ?? null;
          return (
            <g key={name}>
              <text x={labelWidth - 8} y={y + 18} text-anchor="end">
                {name.length > 28 ? `${name.slice(0, 27)}…` : name}
              </text>
              {t1 !== null && <rect x={x(Math.min(0, t1))} y={y + 4} width={Math.abs(x(t1) - x(0))} height={10} class="bar bar--target" />}
              {v1 !== null && <rect x={x(Math.min(0, v1))} y={y + 15} width={Math.abs(x(v1) - x(0))} height={10} class="bar bar--outcome" />}
            </g>
          );
        })}
        {councilValue !== null && <line x1={x(councilValue)} x2={x(councilValue)} y1={top} y2={height - 6} class="council-line" />}
      </svg>
      <figcaption>{t('reports.chart.hidden')}</figcaption>
    </figure>
  );
}
