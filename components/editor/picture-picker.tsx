'use client';

import { useEffect, useRef } from 'react';
import type { LibraryPicture } from './types';

type Props = { open: boolean; pictures: LibraryPicture[]; onPick: (picture: LibraryPicture) => void; onClose: () => void; title: string };

/** Choose a picture from the media library, in a modal dialog. */
export function PicturePicker({ open, pictures, onPick, onClose, title }: Props) {
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    if (open && !dialog.current?.open) dialog.current?.showModal();
    if (!open && dialog.current?.open) dialog.current.close();
  }, [open]);
  return (
    <dialog ref={dialog} onClose={onClose} aria-labelledby="picker-title" className="m-auto w-[min(56rem,95vw)] rounded bg-paper p-4 text-ink backdrop:bg-black/50">
      <div className="flex items-center justify-between">
        <h2 id="picker-title" className="text-lg font-bold">{title}</h2>
        <button type="button" onClick={onClose} className="rounded border border-rule px-3 py-1 text-sm">Close</button>
      </div>
      {pictures.length === 0 ? (
        <p className="py-6 text-muted">The media library is empty. Upload pictures in Media first.</p>
      ) : (
        <ul className="mt-4 grid max-h-[70vh] grid-cols-2 gap-3 overflow-auto sm:grid-cols-4">
          {pictures.map((picture) => (
            <li key={picture.id}>
              <button type="button" onClick={() => onPick(picture)} className="block w-full text-left text-xs">
                {/* eslint-disable-next-line @next/next/no-img-element -- a library thumbnail, already sized */}
                <img src={picture.url} alt={picture.alt} className="aspect-video w-full rounded object-cover" />
                <span className="mt-1 block line-clamp-2">{picture.caption || picture.alt || 'No caption'}</span>
                {!picture.alt && <span className="text-accent">Needs alt text before publishing</span>}
              </button>
            </li>
          ))}
        </ul>
      )}
    </dialog>
  );
}
