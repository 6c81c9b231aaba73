/** Inputs bound to a form model, each inside a Field (label, help, warning, error). */
import type { ComponentChildren } from 'preact';
import { Field, FieldError } from './ui';

interface Common {
  id: string;
  label: string;
  value: string;
  onInput: (value: string) => void;
  help?: ComponentChildren;
  aside?: ComponentChildren;
  warning?: string;
  error?: string;
  required?: boolean;
  class?: string;
}

export function TextField(props: Common & { numeric?: boolean; autoComplete?: string; width?: 'short' | 'medium' | 'long' }) {
  const { numeric, width = 'long', onInput, value, autoComplete, ...field } = props;
  return (
    <Field {...field}>
      {(a) => (
        <input
          {...a}
          class={`input input--${width}`}
          type="text"
          inputMode={numeric ? 'decimal' : undefined}
          autoComplete={autoComplete ?? 'off'}
          value={value}
          onInput={(e) => onInput((e.target as HTMLInputElement).value)}
        />
      )}
    </Field>
  );
}

export function TextArea(props: Common & { rows?: number }) {
  const { rows = 3, onInput, value, ...field } = props;
  return (
    <Field {...field}>
      {(a) => <textarea {...a} class="input input--long" rows={rows} value={value} onInput={(e) => onInput((e.target as HTMLTextAreaElement).value)} />}
    </Field>
  );
}

export function SelectField(props: Common & { options: Array<{ value: string; label: string }>; placeholder?: string }) {
  const { options, placeholder, onInput, value, ...field } = props;
  return (
    <Field {...field}>
      {(a) => (
        <select {...a} class="input input--medium" value={value} onChange={(e) => onInput((e.target as HTMLSelectElement).value)}>
          {placeholder !== undefined && <option value="">{placeholder}</option>}
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

/** A group of radio buttons with a legend; the error is tied to the group and its first button carries the id. */
export function RadioGroup(props: {
  id: string;
  legend: string;
  name: string;
  value: string;
  options: Array<{ value: string; label: string }>;
  onChange: (value: string) => void;
  error?: string;
  help?: string;
  required?: boolean;
  requiredText?: string;
}) {
  const { id, legend, name, value, options, onChange, error, help, required, requiredText } = props;
  const describedBy = [help && `${id}-help`, error && `${id}-err`].filter(Boolean).join(' ') || undefined;
  return (
    <fieldset class={`radio-group${error ? ' field--error' : ''}`} aria-describedby={describedBy}>
      <legend>
        {legend}
        {required && <span class="required"> ({requiredText})</span>}
      </legend>
      {help && (
        <p class="field__help" id={`${id}-help`}>
          {help}
        </p>
      )}
      <div class="radio-group__options">
        {options.map((o, i) => (
          <label key={o.value} class="radio">
            <input type="radio" id={i === 0 ? id : `${id}-${o.value}`} name={name} value={o.value} checked={value === o.value} onChange={() => onChange(o.value)} />
            {o.label}
          </label>
        ))}
      </div>
      <FieldError id={id} error={error} />
    </fieldset>
  );
}
