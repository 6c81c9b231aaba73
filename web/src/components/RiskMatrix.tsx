/** The 4×4 risk map: probability (rows, 4 at the top) × consequence (columns), cells coloured by score. */
import { t, type Key } from '../i18n';
import { riskBand } from '../lib/forms';

export interface ScoredRisk {
  id: string;
  title: string;
  probability?: number;
  consequence?: number;
}

const scale = [1, 2, 3, 4] as const;
const isScore = (n: number | undefined): n is number => n !== undefined && Number.isInteger(n) && n >= 1 && n <= 4;

export function RiskMatrix({ risks, id = 'risk-matrix' }: { risks: ScoredRisk[]; id?: string }) {
  const unscored = risks.filter((r) => !isScore(r.probability) || !isScore(r.consequence));
  return (
    <figure class="risk-matrix" aria-labelledby={`${id}-title`}>
      <figcaption>
        <span id={`${id}-title`} class="risk-matrix__title">
          {t('matrix.title')}
        </span>
        <span class="risk-matrix__desc">{t('matrix.desc')}</span>
      </figcaption>
      <table class="risk-matrix__table" aria-labelledby={`${id}-title`}>
        <thead>
          <tr>
            <td class="risk-matrix__corner" />
            <th scope="colgroup" colSpan={4} class="risk-matrix__axis">
              {t('matrix.consequence')} <span aria-hidden="true">→</span>
            </th>
          </tr>
          <tr>
            <th scope="col" class="risk-matrix__axis">
              {t('matrix.probability')} <span aria-hidden="true">↓</span>
            </th>
            {scale.map((c) => (
              <th scope="col" key={c}>
                <span class="visually-hidden">{t('matrix.consequence')} </span>
                {c}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {[...scale].reverse().map((p) => (
            <tr key={p}>
              <th scope="row">
                <span class="visually-hidden">{t('matrix.probability')} </span>
                {p}
              </th>
              {scale.map((c) => {
                const score = p * c;
                const band = riskBand(score);
                const here = risks.filter((r) => r.probability === p && r.consequence === c);
                return (
                  <td key={c} class={`heat heat--${band}${here.length ? ' heat--occupied' : ''}`} title={t('matrix.cell', { p, c, score, band: t(`risk.band.${band}` as Key) })}>
                    <span class="heat__score" aria-hidden="true">
                      {score}
                    </span>
                    <span class="visually-hidden">{t('matrix.cell', { p, c, score, band: t(`risk.band.${band}` as Key) })}: </span>
                    {here.map((r) => (
                      <span class="heat__risk" key={r.id} title={r.title}>
                        {r.id}
                      </span>
                    ))}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
      {unscored.length > 0 && <p class="risk-matrix__unscored">{t('matrix.unscored', { ids: unscored.map((r) => r.id).join(', ') })}</p>}
    </figure>
  );
}
