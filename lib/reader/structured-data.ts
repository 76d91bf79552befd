import 'server-only';
import { absoluteUrl, site } from '@/lib/config';
import { isoInSiteZone } from '@/lib/site-time';
import type { PublishedArticle } from './articles';

/** schema.org NewsArticle for search engines, with corrections. */
export function newsArticleJsonLd(article: PublishedArticle) {
  const url = absoluteUrl(`/articles/${article.slug}`);
  return {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    mainEntityOfPage: url,
    url,
    headline: article.headline.slice(0, 110),
    description: article.seoDescription || article.deck,
    image: [absoluteUrl(`/articles/${article.slug}/og.png`), ...heroImageUrls(article)],
    datePublished: isoInSiteZone(article.publishedAt),
    dateModified: isoInSiteZone(article.modifiedAt),
    articleSection: article.section.name,
    keywords: article.tags.map((tag) => tag.name),
    wordCount: article.wordCount,
    author: article.bylines.map((byline) => ({
      '@type': 'Person',
      name: byline.name,
      url: absoluteUrl(`/authors/${byline.slug}`),
    })),
    publisher: {
      '@type': 'NewsMediaOrganization',
      name: site.name,
      url: site.url,
      logo: { '@type': 'ImageObject', url: absoluteUrl('/logo.png'), width: 600, height: 60 },
    },
    ...(article.corrections.length > 0 && {
      correction: article.corrections.map((correction) => ({
        '@type': 'CorrectionComment',
        text: correction.body,
        datePublished: isoInSiteZone(correction.createdAt),
      })),
    }),
  };
}

/** The hero picture's largest WebP or original rendition, as Google asks for wide images. */
function heroImageUrls(article: PublishedArticle): string[] {
  const usable = article.hero?.renditions.filter((r) => r.format !== 'avif') ?? [];
  const largest = usable.reduce<(typeof usable)[number] | undefined>((a, b) => (!a || b.width > a.width ? b : a), undefined);
  return largest ? [absoluteUrl(`/media/${largest.key}`)] : [];
}

/** JSON for a `<script type="application/ld+json">`: `<` escaped so no text can close the tag. */
export function serializeJsonLd(data: unknown): string {
  return JSON.stringify(data).replace(/</g, '\\u003c');
}
