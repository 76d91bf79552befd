'use client';

import { useRouter } from 'next/navigation';
import { useRef, useState } from 'react';

type Upload = { key: string; name: string; progress: number; state: 'uploading' | 'processing' | 'done' | 'failed'; message?: string };

/** Drop pictures here or choose them; each file uploads on its own with a progress bar and its own result. */
export function UploadZone({ maxBytes }: { maxBytes: number }) {
  const router = useRouter();
  const input = useRef<HTMLInputElement>(null);
  const [uploads, setUploads] = useState<Upload[]>([]);
  const [over, setOver] = useState(false);

  const patch = (key: string, change: Partial<Upload>) => setUploads((list) => list.map((u) => (u.key === key ? { ...u, ...change } : u)));

  const send = (file: File) =>
    new Promise<void>((resolve) => {
      const key = `${file.name}-${file.size}-${Math.random()}`;
      setUploads((list) => [{ key, name: file.name, progress: 0, state: 'uploading' }, ...list]);
      if (file.size > maxBytes) {
        patch(key, { state: 'failed', message: `Larger than ${Math.round(maxBytes / 1024 / 1024)} MB.` });
        return resolve();
      }
      const request = new XMLHttpRequest();
      request.open('POST', '/api/media');
      request.setRequestHeader('Content-Type', 'application/octet-stream');
      request.setRequestHeader('X-Filename', encodeURIComponent(file.name));
      request.upload.onprogress = (event) => {
        if (event.lengthComputable) patch(key, { progress: Math.round((event.loaded / event.total) * 100) });
      };
      request.upload.onload = () => patch(key, { progress: 100, state: 'processing' });
      request.onload = () => {
        let body: { error?: string; duplicate?: boolean } = {};
        try {
          body = JSON.parse(request.responseText);
        } catch {}
        if (request.status === 200 || request.status === 201) {
          patch(key, { state: 'done', message: body.duplicate ? 'Already in the library.' : 'Added.' });
        } else {
          patch(key, { state: 'failed', message: body.error ?? `Refused (${request.status}).` });
        }
        resolve();
      };
      request.onerror = () => {
        patch(key, { state: 'failed', message: 'The connection dropped. Try again.' });
        resolve();
      };
      request.send(file);
    });

  const sendAll = async (files: FileList | File[]) => {
    await Promise.all([...files].map(send));
    router.refresh();
  };

  return (
    <section aria-labelledby="upload-heading" className="grid gap-3">
      <h2 id="upload-heading" className="text-lg font-bold">Upload pictures</h2>
      <div
        onDragOver={(e) => {
          e.preventDefault();
          setOver(true);
        }}
        onDragLeave={() => setOver(false)}
        onDrop={(e) => {
          e.preventDefault();
          setOver(false);
          void sendAll(e.dataTransfer.files);
        }}
        className={`grid place-items-center gap-2 rounded border-2 border-dashed p-8 text-center ${over ? 'border-ink bg-rule/40' : 'border-rule'}`}
      >
        <p>Drop pictures here, or</p>
        <label className="cursor-pointer rounded bg-ink px-4 py-2 text-sm font-semibold text-paper">
          Choose files
          <input
            ref={input}
            type="file"
            multiple
            accept="image/jpeg,image/png,image/webp,image/avif,image/gif"
            className="sr-only"
            onChange={(e) => {
              if (e.target.files) void sendAll(e.target.files);
              e.target.value = '';
            }}
          />
        </label>
        <p className="text-xs text-muted">JPEG, PNG, WebP, AVIF or GIF, up to {Math.round(maxBytes / 1024 / 1024)} MB each. Location data is removed.</p>
      </div>
      {uploads.length > 0 && (
        <ul className="grid gap-2" aria-label="Uploads">
          {uploads.map((u) => (
            <li key={u.key} className="grid gap-1 text-sm">
              <span className="flex justify-between gap-2">
                <span className="truncate font-semibold">{u.name}</span>
                <span className={u.state === 'failed' ? 'text-accent' : 'text-muted'} role={u.state === 'failed' ? 'alert' : undefined}>
                  {u.state === 'uploading' ? `${u.progress}%` : u.state === 'processing' ? 'Processing…' : u.message}
                </span>
              </span>
              <progress max={100} value={u.progress} aria-label={`Upload of ${u.name}`} className="h-2 w-full" />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
