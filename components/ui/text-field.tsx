import type { InputHTMLAttributes } from 'react';
import { FieldError } from './form-status';

type Props = InputHTMLAttributes<HTMLInputElement> & { label: string; name: string; errors?: string[]; hint?: string };

/** A labelled input with its hint and errors wired up for screen readers. */
export function TextField({ label, name, errors, hint, id = name, className, ...input }: Props) {
  const described = [hint && `${id}-hint`, errors?.length && `${id}-error`].filter(Boolean).join(' ') || undefined;
  return (
    <div className={className}>
      <label htmlFor={id} className="block text-sm font-semibold">
        {label}
      </label>
      {hint && (
        <p id={`${id}-hint`} className="text-xs text-muted">
          {hint}
        </p>
      )}
      <input
        id={id}
        name={name}
        aria-invalid={errors?.length ? true : undefined}
        aria-describedby={described}
        className="mt-1 w-full rounded border border-rule bg-paper px-3 py-2 text-base aria-[invalid]:border-accent"
        {...input}
      />
      <FieldError id={`${id}-error`} errors={errors} />
    </div>
  );
}
