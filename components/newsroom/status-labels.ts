/** How each story status is named in the newsroom. */
export const STATUS_LABEL: Record<string, string> = {
  draft: 'Draft',
  in_review: 'In review',
  changes_requested: 'Returned with notes',
  scheduled: 'Scheduled',
  published: 'Published',
  unpublished: 'Unpublished',
};
