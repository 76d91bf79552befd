-- Every pair of adjacent words in a search vector, as one lexeme ('citi council'): a phrase
-- search asks the index for its pairs, so it reads only the stories holding the phrase's
-- pairs, not every story holding its words (lib/reader/search.ts, phrasePairs). Built from
-- the vector's own positions, so every story the phrase matches holds the pairs.
CREATE OR REPLACE FUNCTION search_pairs(vector tsvector) RETURNS tsvector
  LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
  AS $$
    SELECT coalesce(array_to_tsvector(array_agg(DISTINCT first.lexeme || ' ' || second.lexeme)), ''::tsvector)
    FROM (SELECT lexeme, unnest(positions) AS position FROM unnest(vector)) first
    JOIN (SELECT lexeme, unnest(positions) AS position FROM unnest(vector)) second ON second.position = first.position + 1
  $$;--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "articles_search_pairs_idx" ON "articles" USING gin (search_pairs("search_vector")) WHERE "articles"."status" = 'published';--> statement-breakpoint
-- The planner's estimate for the new index's expression comes from statistics.
ANALYZE "articles";
