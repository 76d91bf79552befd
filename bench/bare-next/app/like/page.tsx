import { LikeButton } from './like-button';

export default function LikePage() {
  return <LikeButton />;
}
