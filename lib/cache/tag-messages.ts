/**
 * PostgreSQL refuses a NOTIFY payload of 8000 bytes or more, and one change (a picture used
 * by a hundred stories, say) can expire more tags than fit. So the tags are split into as
 * many messages as needed, each a complete JSON object under the limit.
 */
export const MAX_NOTIFY_BYTES = 7_900;

export function tagMessages(from: string, tags: string[], maxBytes = MAX_NOTIFY_BYTES): string[] {
  const messages: string[] = [];
  let batch: string[] = [];
  const encode = (batchTags: string[]) => JSON.stringify({ from, tags: batchTags });
  for (const tag of tags) {
    const next = [...batch, tag];
    if (batch.length > 0 && Buffer.byteLength(encode(next)) > maxBytes) {
      messages.push(encode(batch));
      batch = [tag];
    } else {
      batch = next;
    }
  }
  if (batch.length > 0) messages.push(encode(batch));
  return messages;
}
