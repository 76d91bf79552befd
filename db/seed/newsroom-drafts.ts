import type { ArticleStatus } from '../schema';
import type { DemoStory } from './story-type';

export type DemoDraft = Omit<DemoStory, 'hoursAgo'> & {
  status: Exclude<ArticleStatus, 'published'>;
  /** For scheduled stories: hours after the seed ran. */
  scheduledInHours?: number;
  embargoInHours?: number;
  /** An editor's note (returned stories) or the reason it was taken down (unpublished). */
  note?: string;
};

/** Stories in every state of the workflow, so the newsroom has work in it on day one. */
export const demoDrafts: DemoDraft[] = [
  {
    status: 'draft',
    headline: 'Ferry fares to rise 8 percent in January',
    deck: 'The operator blames fuel and wage costs; commuters say the service is already unreliable.',
    section: 'port-calder',
    authors: ['mira'],
    tags: ['Transport'],
    body: [
      'Fares on the harbour ferries will rise by 8 percent from January, the operator told the city\u2019s transport committee on Monday.',
      'TODO: reaction from the commuters\u2019 association; check the 2023 figures.',
    ],
  },
  {
    status: 'draft',
    headline: 'Inside the lab racing to save the harbour\u2019s seagrass',
    deck: 'Divers are replanting meadows lost to dredging, one shoot at a time.',
    section: 'technology',
    authors: ['lena'],
    tags: ['Science', 'Climate'],
    body: ['Eleven metres under the surface of the outer harbour, Dr. Amira Said pushes a shoot of seagrass into the sand.'],
  },
  {
    status: 'in_review',
    headline: 'Council to vote on ban of short-term rentals in Old Harbour',
    deck: 'Residents say holiday lets have emptied their streets; owners say they are being blamed for a housing shortage they did not cause.',
    section: 'port-calder',
    authors: ['mira'],
    tags: ['Housing', 'City Hall'],
    body: [
      'Port Calder\u2019s city council will vote next week on a ban on new short-term rental licences in the Old Harbour district, where one home in five is now let to tourists.',
      '\u201cOn my street there are eleven houses and four families,\u201d said Carla Mendes, who has lived in the district for thirty years.',
      'Owners\u2019 groups argue that the ban will do little for housing supply and will cost the district\u2019s restaurants their customers.',
    ],
  },
  {
    status: 'in_review',
    headline: 'Port authority weighs night-time curfew on cruise ships',
    deck: 'Residents near the passenger terminal complain of engines running all night.',
    section: 'business',
    authors: ['seoyeon'],
    tags: ['Shipping', 'Port economy'],
    body: [
      'The port authority is considering a curfew that would require cruise ships to plug into shore power or leave the passenger terminal by 11 p.m.',
      '\u201cThe hum goes through the walls,\u201d said Teresa Vidal, who lives across the water from the terminal.',
    ],
  },
  {
    status: 'changes_requested',
    headline: 'Youth football league faces referee shortage',
    deck: 'Matches are being cancelled as abuse from the touchline drives young referees away.',
    section: 'sports',
    authors: ['kwame'],
    tags: ['Football'],
    note: 'Strong story. We need the league\u2019s own numbers for cancelled matches, and a response from the parents\u2019 association before this runs. Please also cut the second quote; it repeats the first.',
    body: [
      'The Port Calder youth football league cancelled 46 matches last month because it could not find referees, the league says.',
      '\u201cI was sixteen and a grown man followed me to my bike,\u201d said one former referee.',
      '\u201cIt is the parents,\u201d said another. \u201cIt is always the parents.\u201d',
    ],
  },
  {
    status: 'changes_requested',
    headline: 'Bookshop owners fear new rents on Market Street',
    deck: 'Three independent shops have been given notice as a landlord plans a refurbishment.',
    section: 'culture',
    authors: ['ada'],
    tags: ['Books', 'Small business'],
    note: 'Please get the landlord\u2019s side. We cannot run this with only one side\u2019s account of the rent figures.',
    body: ['Three of the last independent bookshops on Market Street have been told to leave by March.'],
  },
  {
    status: 'scheduled',
    scheduledInHours: 20,
    headline: 'What the new childcare budget means for your family',
    deck: 'A guide to the allowances, the new places and when the money arrives.',
    section: 'national',
    authors: ['priya'],
    tags: ['Budget', 'Childcare'],
    body: [
      'The budget passed this week puts more money into childcare than any before it. Here is what changes, and when.',
      '## The housing allowance',
      'Families with a child under six will receive a monthly allowance towards rent or mortgage payments from March.',
      '- Families earning under the median income receive the full allowance.',
      '- The allowance tapers off above that, ending at twice the median.',
    ],
  },
  {
    status: 'scheduled',
    scheduledInHours: 30,
    embargoInHours: 30,
    headline: 'Quarterly growth figures show economy picking up pace',
    deck: 'Output grew 0.8 percent in the third quarter, the fastest in two years.',
    section: 'business',
    authors: ['seoyeon'],
    tags: ['Economy'],
    body: [
      'The economy grew 0.8 percent in the three months to September, the statistics office said, the fastest pace in two years.',
      'Household spending and exports both rose, while business investment was flat.',
    ],
  },
  {
    status: 'unpublished',
    headline: 'Stadium naming rights sold to energy company',
    deck: 'The deal was announced before contracts were signed and has been withdrawn.',
    section: 'sports',
    authors: ['kwame'],
    tags: ['Football', 'Port Calder United'],
    note: 'Withdrawn: the club says the contract has not been signed. We will republish if and when it is.',
    body: ['Port Calder United has sold the naming rights to its stadium to Calder Energy, according to people familiar with the deal.'],
  },
];
