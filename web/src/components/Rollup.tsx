/**
 * A parent's roll-up of its units' approved reports: per indicator the units' values and the aggregate by its rule,
 * and the units' net costs with their sum.
 */
import { formatNumber, t, type Key } from '../i18n';
import type { ReportKind, Rollup } from '../lib/types';
import { TableWrap } from './ui';

type RollupIndicator = Rollup['indicators'][number];

/** A unit attribute as words ("antal elever"), or its name when the catalogue has none. */
function attributeName(name: string | undefined): string {
  if (!name) return '';
  const key = `attribute.${name}` as Key;
  const text = t(key);
  return text === key ? name : text;
}

/** How the units' values combine: "summa", "medelvärde viktat efter antal elever". */
export function ruleText(item: Pick<RollupIndicator, 'rule' | 'weightBy'>): string {
  return item.rule === 'weighted' ? t('rollup.rule.weighted', { by: attributeName(item.weightBy) }) : t(`rollup.rule.${item.rule}` as Key);
}

export function RollupTable({ kind, item, name, unit }: { kind: ReportKind; item: RollupIndicator; name: string; unit: string }) {
  const tertial = kind !== 'annual';
  const weighted = item.rule === 'weighted';
  const caption = t('rollup.caption', { id: item.indicatorId, name, unit });
  if (item.units.length === 0) return <p class="rollup__none">{t('rollup.noUnits')}</p>;
  return (
    <TableWrap label={caption}>
      <table class="table table--compact rollup__table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('rollup.unit')}</th>
            <th scope="col">{t('rollup.outcome')}</th>
            {tertial && <th scope="col">{t('rollup.forecast')}</th>}
            {weighted && <th scope="col">{t('rollup.weight', { by: attributeName(item.weightBy) })}</th>}
          </tr>
        </thead>
        <tbody>
          {item.units.map((u) => (
            <tr key={u.boardId}>
              <th scope="row">{u.name ?? u.boardId}</th>
              <td class="num">{formatNumber(u.outcome)}</td>
              {tertial && <td class="num">{formatNumber(u.forecast)}</td>}
              {weighted && <td class="num">{formatNumber(u.weight)}</td>}
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">{t('rollup.aggregate', { rule: ruleText(item) })}</th>
            {item.aggregate ? (
              <>
                <td class="num">
                  <strong>{formatNumber(item.aggregate.outcome)}</strong>
                </td>
                {tertial && (
                  <td class="num">
                    <strong>{formatNumber(item.aggregate.forecast)}</strong>
                  </td>
                )}
              </>
            ) : (
              <td colSpan={tertial ? 2 : 1}>{t('rollup.noValue')}</td>
            )}
            {weighted && <td />}
          </tr>
        </tfoot>
      </table>
    </TableWrap>
  );
}

/** "3 av 4 enheter: uppfyllt", per assessment, for one goal of the parent's plan. */
export function RollupGoalCounts({ counts }: { counts: Rollup['goals'][number] }) {
  return (
    <div class="rollup-goals">
      <p class="rollup-goals__title">{t('rollup.goals')}</p>
      <ul>
        {(['fulfilled', 'partly', 'not'] as const).map((a) => (
          <li key={a}>{t('rollup.goal.count', { count: counts[a], units: counts.units, assessment: t(`rollup.assessment.${a}`) })}</li>
        ))}
      </ul>
    </div>
  );
}

/** The units' net costs in a parent's roll-up (`rollup.economy`), per unit and summed. */
export type RollupEconomy = NonNullable<Rollup['economy']>;

/** The roll-up's economy, when the server sends one (a parent whose units have reported their money). */
export const rollupEconomyOf = (rollup: Rollup | undefined): RollupEconomy | undefined => rollup?.economy;

/** The units' net costs: so far and forecast in a tertial report, the outcome in the annual one, and the sum. */
export function RollupEconomyTable({ kind, economy }: { kind: ReportKind; economy: RollupEconomy }) {
  const tertial = kind !== 'annual';
  const caption = t('economy.rollup.caption');
  if (economy.units.length === 0) return <p class="rollup__none">{t('economy.rollup.none')}</p>;
  const columns = tertial ? (['outcomeToDate', 'forecast'] as const) : (['outcome'] as const);
  return (
    <TableWrap label={caption}>
      <table class="table table--compact rollup__table">
        <caption>
          {caption}
          <span class="rollup__caption-note"> {t('economy.rollup.intro')}</span>
        </caption>
        <thead>
          <tr>
            <th scope="col">{t('economy.rollup.unit')}</th>
            {columns.map((c) => (
              <th key={c} scope="col">
                {t(`economy.rollup.${c}`)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {economy.units.map((u) => (
            <tr key={u.boardId}>
              <th scope="row">{u.name ?? u.boardId}</th>
              {columns.map((c) => (
                <td key={c} class="num">
                  {formatNumber(u[c])}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">{t('economy.rollup.total')}</th>
            {columns.map((c) => (
              <td key={c} class="num">
                <strong>{formatNumber(economy.total[c])}</strong>
              </td>
            ))}
          </tr>
        </tfoot>
      </table>
    </TableWrap>
  );
}
