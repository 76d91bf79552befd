'use client';

import { useActionState } from 'react';
import { likeAction } from './actions';

export function LikeButton() {
  const [likes, action] = useActionState(likeAction, 0);
  return (
    <form action={action}>
      <button type="submit">Like ({likes})</button>
    </form>
  );
}
