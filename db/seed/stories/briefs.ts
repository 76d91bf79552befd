import type { DemoStory } from '../story-type';

type Brief = [headline: string, deck: string, body: string, quote: string, tags: string[]];

/** Short city items, as every local paper runs: enough of them that section pages have a second page. */
const briefs: Brief[] = [
  ['Eastgate pool reopens after roof repairs', 'The 1970s pool had been closed since March.', 'The Eastgate public pool reopened on Saturday after eight months of repairs to its leaking roof.', '“The children were queuing at the door before we unlocked it,” said manager Lotte Brandt.', ['Eastgate']],
  ['Harbour Road bridge to close overnight for inspections', 'Drivers are asked to use the ring road between midnight and 5 a.m.', 'The Harbour Road bridge will close to traffic overnight on Tuesday and Wednesday for a routine structural inspection.', '“This is routine, and it is how we keep it routine,” said city engineer Paolo Renzi.', ['Transport', 'Infrastructure']],
  ['New school crossing patrols for Westbank', 'Four crossings near primary schools will be staffed from January.', 'The city will hire patrol officers for four crossings near Westbank primary schools after parents petitioned for safer routes.', '“We have been asking for three years,” said parent Amira Nasser.', ['Education', 'City Hall']],
  ['Recycling collection moves to Thursdays in the north', 'About 30,000 households are affected by the change.', 'Recycling bins in the northern districts will be collected on Thursdays instead of Mondays from next month.', '“The new routes save the lorries 400 kilometres a week,” a council spokesperson said.', ['City Hall']],
  ['Old Harbour lighthouse opens to visitors on weekends', 'Guided climbs will run every hour from 10 a.m.', 'The Old Harbour lighthouse will open to visitors on weekends for the first time in its 140-year history.', '“The view from the lamp room is worth every one of the 212 steps,” said guide Finn Olsen.', ['History', 'Northquay']],
  ['Street market returns to Market Square on Sundays', 'Sixty stalls will sell produce, crafts and second-hand books.', 'The Sunday street market will return to Market Square after a two-year break caused by resurfacing works.', '“People kept asking when it was coming back,” said organiser Hana Kovac.', ['Small business', 'Food']],
  ['Council approves new tree planting plan', 'Ten thousand street trees will be planted over five years.', 'The city council approved a plan to plant 10,000 street trees over the next five years, prioritising the districts with the least shade.', '“Shade is a public health measure now,” said Councillor Beatriz Lund.', ['City Hall', 'Climate']],
  ['Late-night pharmacy opens near central station', 'It is the first in the city to stay open until 2 a.m.', 'A pharmacy opposite the central station will stay open until 2 a.m. every day, the first in Port Calder to do so.', '“Night-shift workers get sick too,” said pharmacist Daniel Ruiz.', ['Health']],
  ['Eastgate library adds a tool lending shelf', 'Residents can borrow drills, ladders and sewing machines.', 'The Eastgate branch library has added 120 tools that residents can borrow for up to a week with a library card.', '“The most popular item so far is the carpet cleaner,” said librarian Ines Moreau.', ['Libraries', 'Eastgate']],
  ['Ferry timetable changes for winter', 'Services to the outer islands drop to four a day from December.', 'Harbour ferries will run a reduced winter timetable from December 1, with four daily crossings to the outer islands instead of six.', '“Winter passenger numbers are a third of summer’s,” the operator said in a statement.', ['Transport']],
  ['City opens warming centres ahead of cold snap', 'Five community halls will stay open overnight.', 'Five community halls will open overnight as warming centres this weekend as temperatures are forecast to fall below freezing.', '“Nobody should spend a night like this outdoors,” said Deputy Mayor Anika Bose.', ['Weather', 'City Hall']],
  ['Northquay cafe wins regional baking award', 'Its rye sourdough was named the best bread in the region.', 'Quayside Bakehouse on the Northquay won the regional baking award for its rye sourdough on Monday.', '“We use the same starter my grandmother brought from the mountains,” said owner Eva Lindgren.', ['Food', 'Northquay']],
  ['Water company warns of low pressure in hill districts', 'Work on a pumping station will take two weeks.', 'Homes in the hill districts may notice low water pressure for two weeks while a pumping station is upgraded.', '“Taps will run, just more slowly,” a water company engineer said.', ['Infrastructure']],
  ['Youth orchestra to play free concert in the park', 'The concert marks the orchestra’s 25th anniversary.', 'The Port Calder Youth Orchestra will play a free open-air concert in Central Park on Sunday afternoon.', '“Many of our players have never performed outdoors,” said conductor Maya Feld.', ['Music']],
  ['Speed limit cut to 30 km/h on residential streets', 'The new limit takes effect across the city in March.', 'The speed limit on residential streets will fall from 50 to 30 kilometres an hour in March, the city’s transport committee decided.', '“A child hit at 30 usually survives. At 50, usually not,” said road safety officer Tariq Aziz.', ['Transport', 'City Hall']],
  ['Community garden waiting list tops 600', 'The city is looking for new plots on unused land.', 'More than 600 residents are now waiting for a community garden plot, and the city says it is searching for unused land.', '“People wait four years for a few square metres of soil,” said gardener Rosa Pinto.', ['Housing', 'City Hall']],
  ['Historic tram to run on heritage weekend', 'The 1928 tram will carry passengers along the waterfront.', 'A restored 1928 tram will carry passengers along the waterfront during next month’s heritage weekend.', '“She still rattles like she did when my father drove her,” said volunteer Karl Weiss.', ['History', 'Transport']],
  ['Animal shelter appeals for foster families', 'It has taken in twice as many cats as last year.', 'The city animal shelter has asked residents to foster cats and dogs after intake doubled this year.', '“We are out of space and nearly out of patience with people who abandon pets,” said director Leah Cohen.', ['City Hall']],
  ['Night market extends hours before the holidays', 'Stalls will stay open until midnight in December.', 'The Eastgate night market will stay open until midnight every Friday in December.', '“December is our busiest month and our coldest,” said organiser Kofi Asante.', ['Food', 'Eastgate']],
  ['Port authority opens waterfront path to the public', 'A 2-kilometre walkway links the ferry terminal and the fish market.', 'A 2-kilometre walkway along the working waterfront opened to the public on Friday, linking the ferry terminal to the Old Harbour fish market.', '“For a century this was behind a fence,” said port official Marta Novak.', ['Northquay', 'Port economy']],
];

export const briefStories: DemoStory[] = briefs.map(([headline, deck, body, quote, tags], i) => ({
  headline,
  deck,
  section: 'port-calder',
  authors: [i % 3 === 0 ? 'mira' : i % 3 === 1 ? 'priya' : 'daniel'],
  tags,
  hoursAgo: 24 * (4 + i * 1.6),
  body: [body, quote],
}));
