import { briefStories } from './briefs';
import { businessStories } from './business';
import { cultureStories } from './culture';
import { nationalStories } from './national';
import { portCalderStories } from './port-calder';
import { sportsStories } from './sports';
import { technologyStories } from './technology';
import { worldStories } from './world';

export const publishedDemoStories = [
  ...nationalStories,
  ...portCalderStories,
  ...worldStories,
  ...businessStories,
  ...technologyStories,
  ...cultureStories,
  ...sportsStories,
  ...briefStories,
];
