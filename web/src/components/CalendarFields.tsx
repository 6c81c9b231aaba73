/** The calendar's fields (deadlines, reminders, unit lead days, time zone), and the table of what a change moves. */
import { deadlineFields } from '../../../shared/domain/calendar';
import type { CalendarMove } from '../../../shared/domain/calendarMoves';
import { formatDate, t, type Key } from '../i18n';
import { calendarFieldId, fieldLabel, type CalendarField, type CalendarForm } from '../lib/calendarForm';
import { TextField } from './inputs';
import { Field, TableWrap, kindName } from './ui';

const numberFields = ['reminderDaysBefore', 'escalateEveryDays', 'unitLeadDays'] as const;

export function CalendarFields({ form, onInput, errorOf }: { form: CalendarForm; onInput: (field: CalendarField, value: string) => void; errorOf: (id: string) => string | undefined }) {
  return (
    <>
      <fieldset class="card">
        <legend>{t('year.section.deadlines')}</legend>
        {deadlineFields.map((field) => (
          <Field key={field} id={calendarFieldId(field)} label={fieldLabel(field)} error={errorOf(calendarFieldId(field))} required>
            {(a) => <input {...a} class="input input--medium" type="date" value={form[field]} onInput={(e) => onInput(field, (e.target as HTMLInputElement).value)} />}
          </Field>
        ))}
      </fieldset>
      <fieldset class="card">
        <legend>{t('year.section.reminders')}</legend>
        {numberFields.map((field) => (
          <TextField
            key={field}
            id={calendarFieldId(field)}
            label={fieldLabel(field)}
            help={t(`year.field.${field}.help` as Key)}
            numeric
            width="short"
            required
            value={form[field]}
            onInput={(value) => onInput(field, value)}
            error={errorOf(calendarFieldId(field))}
          />
        ))}
        <TextField
          id={calendarFieldId('timeZone')}
          label={fieldLabel('timeZone')}
          help={t('year.field.timeZone.help')}
          width="medium"
          required
          value={form.timeZone}
          onInput={(value) => onInput('timeZone', value)}
          error={errorOf(calendarFieldId('timeZone'))}
        />
      </fieldset>
    </>
  );
}

/** The calendar as read (for those who may not change it, and the new year's preview). */
export function CalendarSummary({ form, caption }: { form: CalendarForm; caption: string }) {
  return (
    <TableWrap label={caption}>
      <table class="table">
        <caption class="visually-hidden">{caption}</caption>
        <tbody>
          {deadlineFields.map((field) => (
            <tr key={field}>
              <th scope="row">{fieldLabel(field)}</th>
              <td>{formatDate(form[field])}</td>
            </tr>
          ))}
          {[...numberFields, 'timeZone' as const].map((field) => (
            <tr key={field}>
              <th scope="row">{fieldLabel(field)}</th>
              <td>{form[field]}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableWrap>
  );
}

const levelName = (depth: number) => (depth === 0 ? t('year.calendar.level.0') : t('year.calendar.level.n', { depth }));

/** What a calendar change moves, old date → new date (domain/calendarMoves). */
export function MovesTable({ moves }: { moves: CalendarMove[] }) {
  const caption = t('year.calendar.moves.caption');
  return (
    <TableWrap label={caption}>
      <table class="table" id="calendar-moves">
        <caption class="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('year.calendar.moves.what')}</th>
            <th scope="col">{t('year.calendar.moves.level')}</th>
            <th scope="col">{t('year.calendar.moves.from')}</th>
            <th scope="col">{t('year.calendar.moves.to')}</th>
          </tr>
        </thead>
        <tbody>
          {moves.map((move) => (
            <tr key={`${move.kind}-${move.what}-${move.depth}`}>
              <th scope="row">
                {move.kind === 'signoff' ? t('year.calendar.kind.signoff') : kindName(move.kind)}: {t(`year.calendar.what.${move.what}` as Key)}
              </th>
              <td>{levelName(move.depth)}</td>
              <td>{formatDate(move.from)}</td>
              <td>
                <span aria-hidden="true">→ </span>
                {formatDate(move.to)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableWrap>
  );
}
