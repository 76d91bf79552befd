'use client';

import { useEffect, useState } from 'react';

function relative(iso: string, now: number): string | null {
  const minutes = Math.floor((now - Date.parse(iso)) / 60_000);
  if (minutes < 0 || minutes >= 24 * 60) return null;
  if (minutes < 1) return 'just now';
  if (minutes < 60) return `${minutes} min ago`;
  const hours = Math.floor(minutes / 60);
  return hours === 1 ? '1 hour ago' : `${hours} hours ago`;
}

export function RelativeTimeIsland({ iso, absolute }: { iso: string; absolute: string }) {
  const [text, setText] = useState(absolute);
  useEffect(() => {
    const update = () => setText(relative(iso, Date.now()) ?? absolute);
    update();
    const timer = setInterval(update, 60_000);
    return () => clearInterval(timer);
  }, [iso, absolute]);
  return (
    <time dateTime={iso} title={absolute}>
      {text}
    </time>
  );
}
