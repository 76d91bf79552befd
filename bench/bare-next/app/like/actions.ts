'use server';

let likes = 0;

/** The app's one server action. Calling it once turns a fresh server into a used one. */
export async function likeAction(): Promise<number> {
  likes += 1;
  return likes;
}
