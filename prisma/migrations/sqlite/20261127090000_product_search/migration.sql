-- Product search (hand-written; the Prisma schema does not model it, see
-- EXTERNAL_TABLES in src/db/migrations.ts).
--
-- A contentless FTS5 index, one row per product (rowid = Product.id), over the
-- product's name and description and its exhibitor's name. The trigram
-- tokenizer indexes every three-letter piece, case-folded and without accents,
-- so the bot can find candidates for a misspelt or partial word; src/domain/
-- search.ts then judges and orders them exactly as it does on PostgreSQL.
-- Province and category are stored as codes and matched by code in the query.
CREATE VIRTUAL TABLE "ProductSearch" USING fts5(
    "name",
    "exhibitor",
    "description",
    content = '',
    contentless_delete = 1,
    tokenize = 'trigram remove_diacritics 1'
);

-- Products listed before this migration.
INSERT INTO "ProductSearch" (rowid, "name", "exhibitor", "description")
SELECT p."id", p."name", e."name", coalesce(p."description", '')
FROM "Product" p JOIN "Exhibitor" e ON e."id" = p."exhibitorId";

-- Kept current by triggers, whoever writes the tables.
CREATE TRIGGER "Product_search_insert" AFTER INSERT ON "Product" BEGIN
    INSERT INTO "ProductSearch" (rowid, "name", "exhibitor", "description")
    SELECT NEW."id", NEW."name", e."name", coalesce(NEW."description", '')
    FROM "Exhibitor" e WHERE e."id" = NEW."exhibitorId";
END;

CREATE TRIGGER "Product_search_update" AFTER UPDATE OF "id", "name", "description", "exhibitorId" ON "Product" BEGIN
    DELETE FROM "ProductSearch" WHERE rowid = OLD."id";
    INSERT INTO "ProductSearch" (rowid, "name", "exhibitor", "description")
    SELECT NEW."id", NEW."name", e."name", coalesce(NEW."description", '')
    FROM "Exhibitor" e WHERE e."id" = NEW."exhibitorId";
END;

CREATE TRIGGER "Product_search_delete" AFTER DELETE ON "Product" BEGIN
    DELETE FROM "ProductSearch" WHERE rowid = OLD."id";
END;

CREATE TRIGGER "Exhibitor_search_update" AFTER UPDATE OF "name" ON "Exhibitor" BEGIN
    DELETE FROM "ProductSearch" WHERE rowid IN (SELECT "id" FROM "Product" WHERE "exhibitorId" = NEW."id");
    INSERT INTO "ProductSearch" (rowid, "name", "exhibitor", "description")
    SELECT p."id", p."name", NEW."name", coalesce(p."description", '')
    FROM "Product" p WHERE p."exhibitorId" = NEW."id";
END;

-- Note for later migrations: Prisma alters an SQLite table by redefining it
-- (create, copy, drop, rename), which drops that table's triggers. A migration
-- that redefines "Product" or "Exhibitor" must create the triggers above again
-- (test/db/catalog-search.test.ts checks that they exist).
