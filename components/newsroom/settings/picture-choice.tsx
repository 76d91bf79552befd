import { FieldError } from '@/components/ui/form-status';

export type ChoosablePicture = { id: string; url: string; alt: string; width: number };

type Props = {
  name: string;
  legend: string;
  hint: string;
  noneLabel: string;
  pictures: ChoosablePicture[];
  chosen: string;
  errors?: string[];
};

/** A picture from the media library as radio buttons with thumbnails: works without JavaScript. */
export function PictureChoice({ name, legend, hint, noneLabel, pictures, chosen, errors }: Props) {
  return (
    <fieldset className="grid gap-2" aria-describedby={`${name}-hint${errors?.length ? ` ${name}-error` : ''}`}>
      <legend className="text-sm font-semibold">{legend}</legend>
      <p id={`${name}-hint`} className="text-xs text-muted">{hint}</p>
      <ul className="grid grid-cols-2 gap-2 sm:grid-cols-4 lg:grid-cols-6">
        <li>
          <label className="flex h-full min-h-20 cursor-pointer items-center gap-2 rounded border border-rule p-2 text-sm has-[:checked]:border-ink has-[:checked]:ring-2 has-[:checked]:ring-ink">
            <input type="radio" name={name} value="" defaultChecked={chosen === ''} />
            {noneLabel}
          </label>
        </li>
        {pictures.map((picture) => (
          <li key={picture.id}>
            <label className="grid cursor-pointer gap-1 rounded border border-rule p-2 text-xs has-[:checked]:border-ink has-[:checked]:ring-2 has-[:checked]:ring-ink">
              {/* eslint-disable-next-line @next/next/no-img-element -- a library thumbnail, already sized */}
              <img src={picture.url} alt="" className="aspect-video w-full rounded bg-rule/30 object-contain" loading="lazy" />
              <span className="flex items-start gap-1">
                <input type="radio" name={name} value={picture.id} defaultChecked={chosen === picture.id} className="mt-0.5" />
                <span className="line-clamp-2">{picture.alt || 'No alt text yet'} <span className="text-muted">({picture.width} px)</span></span>
              </span>
            </label>
          </li>
        ))}
      </ul>
      <FieldError id={`${name}-error`} errors={errors} />
    </fieldset>
  );
}
