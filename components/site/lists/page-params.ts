/** Page numbers of list pages: `/sections/x?page=3` is served from the route `/sections/x/page/3`. */
export function pageFromParam(value: string): number | null {
  return /^[1-9]\d{0,6}$/.test(value) ? Number(value) : null;
}

export const pageTitle = (name: string, page: number) => (page > 1 ? `${name} (page ${page})` : name);

export const pageUrl = (basePath: string, page: number) => (page > 1 ? `${basePath}?page=${page}` : basePath);
