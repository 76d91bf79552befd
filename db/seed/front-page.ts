/**
 * The demo's front page as an editor arranged it: a lead that is not simply the newest
 * story, and four ranked top stories. By headline, from ./stories.
 */
export const demoFrontPage = {
  lead: 'Assembly passes budget with record spending on childcare',
  top: [
    'Heatwave warning extended as southern provinces pass 38 degrees',
    'Trade ministers agree to cut tariffs on green technology',
    'Port Calder container traffic hits record as new cranes come online',
    'University team builds battery that charges in six minutes',
  ],
} as const;
