'use client';

import type { ButtonHTMLAttributes } from 'react';
import { useFormStatus } from 'react-dom';

/** A form's submit button, disabled while the form is being sent. */
export function SubmitButton({ children, pendingText, className = '', ...rest }: ButtonHTMLAttributes<HTMLButtonElement> & { pendingText?: string }) {
  const { pending } = useFormStatus();
  return (
    <button
      type="submit"
      disabled={pending || rest.disabled}
      className={`rounded bg-ink px-4 py-2 text-sm font-semibold text-paper disabled:opacity-60 ${className}`}
      {...rest}
    >
      {pending && pendingText ? pendingText : children}
    </button>
  );
}
