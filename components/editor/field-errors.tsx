const FIELD_NAMES: Record<string, string> = {
  headline: 'Headline',
  deck: 'Deck',
  slug: 'Address',
  sectionId: 'Section',
  tags: 'Tags',
  bylineIds: 'Bylines',
  heroMediaId: 'Main picture',
  seoTitle: 'Search title',
  seoDescription: 'Search description',
  embargoUntil: 'Embargo',
  body: 'Story text',
};

/** A refused save's message, with each field's problems by the field's visible name. */
export function FieldErrors({ message, fieldErrors }: { message: string; fieldErrors?: Record<string, string[]> }) {
  return (
    <div role="alert" className="text-sm text-accent">
      <p>{message}</p>
      {fieldErrors && (
        <ul className="list-disc pl-5">
          {Object.entries(fieldErrors).map(([field, messages]) => (
            <li key={field}>
              {FIELD_NAMES[field] ?? field}: {messages.join(' ')}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
