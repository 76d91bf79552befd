/**
 * The reader 404 page's own address, prerendered once by app/(site)/[...missing]: the proxy
 * shows it for stories and lists that do not exist, so they cost no render of their own.
 */
export const NOT_FOUND_PATH = '/page-not-found';
