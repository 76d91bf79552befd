import type { UserRole } from '../schema';

export type DemoPerson = {
  key: string;
  email: string;
  role: UserRole;
  displayName: string;
  jobTitle: string;
  bio: string;
};

/** The three demo logins from the README come first; the rest are bylines only. */
export const demoPeople: DemoPerson[] = [
  {
    key: 'mira',
    email: 'reporter@example.com',
    role: 'reporter',
    displayName: 'Mira Castellanos',
    jobTitle: 'City Hall reporter',
    bio: 'Mira Castellanos covers City Hall, housing and transport in Port Calder. She joined the paper in 2019 after six years at a regional wire service.',
  },
  {
    key: 'daniel',
    email: 'editor@example.com',
    role: 'editor',
    displayName: 'Daniel Okafor',
    jobTitle: 'Managing editor',
    bio: 'Daniel Okafor is the managing editor. He has run the national desk and the night desk, and still writes about courts when the news demands it.',
  },
  {
    key: 'priya',
    email: 'admin@example.com',
    role: 'admin',
    displayName: 'Priya Raman',
    jobTitle: 'Digital editor',
    bio: 'Priya Raman leads the digital desk: the website, newsletters and the data team. Before that she reported on science and health for nine years.',
  },
  {
    key: 'seoyeon',
    email: 'seoyeon.han@example.com',
    role: 'reporter',
    displayName: 'Seo-yeon Han',
    jobTitle: 'Business correspondent',
    bio: 'Seo-yeon Han writes about banks, shipping and the port economy. She previously covered markets from Singapore and holds a degree in economics.',
  },
  {
    key: 'tomas',
    email: 'tomas.lindqvist@example.com',
    role: 'reporter',
    displayName: 'Tomas Lindqvist',
    jobTitle: 'Foreign correspondent',
    bio: 'Tomas Lindqvist reports on diplomacy, trade and migration. He has filed from more than thirty countries and speaks four languages badly and two well.',
  },
  {
    key: 'ada',
    email: 'ada.whitfield@example.com',
    role: 'reporter',
    displayName: 'Ada Whitfield',
    jobTitle: 'Culture writer',
    bio: 'Ada Whitfield writes about books, theatre, music and the people who make them. She runs the paper\u2019s weekend arts pages.',
  },
  {
    key: 'kwame',
    email: 'kwame.mensah@example.com',
    role: 'reporter',
    displayName: 'Kwame Mensah',
    jobTitle: 'Sports reporter',
    bio: 'Kwame Mensah covers football, athletics and the business of sport. He played semi-professional football until a knee injury sent him to the press box.',
  },
  {
    key: 'lena',
    email: 'lena.horvat@example.com',
    role: 'reporter',
    displayName: 'Lena Horvat',
    jobTitle: 'Technology reporter',
    bio: 'Lena Horvat covers technology, science and the companies that build both. She trained as a software engineer before turning to journalism.',
  },
];

export const demoSections = [
  { slug: 'national', name: 'National', description: 'Politics, policy and life across the country.' },
  { slug: 'port-calder', name: 'Port Calder', description: 'City Hall, neighbourhoods, transport and housing in our home city.' },
  { slug: 'world', name: 'World', description: 'Diplomacy, trade and conflict beyond our borders.' },
  { slug: 'business', name: 'Business', description: 'Companies, markets, jobs and the economy.' },
  { slug: 'technology', name: 'Technology', description: 'Science, software and the industries built on them.' },
  { slug: 'culture', name: 'Culture', description: 'Books, stage, screen, music and food.' },
  { slug: 'sports', name: 'Sports', description: 'Football, baseball, athletics and more.' },
];
