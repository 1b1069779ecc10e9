-- Product search (hand-written, the Prisma schema does not model it).
--
-- Trigram GIN indexes (pg_trgm) over the product's name and description and
-- over the exhibitor's name, lower-cased and without accents (unaccent), so
-- the bot can find candidates for a misspelt or partial word with
-- `LIKE '%kop%'`, src/domain/search.ts then judges and orders them exactly as
-- it does on SQLite. Expression indexes are always current: no trigger needed.
--
-- No statement may contain a semicolon inside it: the driver adapter that
-- applies migrations splits the script at every semicolon, comments included.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

CREATE EXTENSION IF NOT EXISTS unaccent;

-- unaccent() is only STABLE (it looks its dictionary up by name), and an
-- index needs an IMMUTABLE expression: the dictionary is named explicitly and
-- the search_path fixed to where the extension was installed, the usual way
-- to make that promise hold (also while pg_restore runs with an empty path).
CREATE OR REPLACE FUNCTION misi_search_text(text) RETURNS text
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
    SET search_path FROM CURRENT
    AS $$ SELECT lower(unaccent('unaccent'::regdictionary, $1)) $$;

CREATE INDEX "Product_search_trgm_idx" ON "Product" USING gin (misi_search_text("name" || ' ' || coalesce("description", '')) gin_trgm_ops);

CREATE INDEX "Exhibitor_search_trgm_idx" ON "Exhibitor" USING gin (misi_search_text("name") gin_trgm_ops);
