'use client';

import { createStoryAction } from '@/lib/actions/stories';
import { FormStatus } from '@/components/ui/form-status';
import { SelectField } from '@/components/ui/select-field';
import { SubmitButton } from '@/components/ui/submit-button';
import { TextField } from '@/components/ui/text-field';
import { useActionForm } from '@/components/ui/use-action-form';

export function NewStoryForm({ sections }: { sections: { id: number; name: string }[] }) {
  const { result, action, errors, sent } = useActionForm(createStoryAction);
  return (
    <form action={action} className="grid max-w-xl gap-4">
      <FormStatus result={result} />
      <TextField label="Working headline" name="headline" required maxLength={300} defaultValue={sent?.headline} errors={errors?.headline} />
      <SelectField
        label="Section"
        name="sectionId"
        options={sections.map((s) => ({ value: String(s.id), label: s.name }))}
        defaultValue={sent?.sectionId}
        errors={errors?.sectionId}
      />
      <div>
        <SubmitButton pendingText="Starting…">Start writing</SubmitButton>
      </div>
    </form>
  );
}
