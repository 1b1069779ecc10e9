-- CreateTable
CREATE TABLE "SearchTerm" (
    "id" SERIAL NOT NULL,
    "term" TEXT NOT NULL,

    CONSTRAINT "SearchTerm_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ProductTerm" (
    "termId" INTEGER NOT NULL,
    "missionId" INTEGER NOT NULL,
    "productId" INTEGER NOT NULL,
    "field" INTEGER NOT NULL,

    CONSTRAINT "ProductTerm_pkey" PRIMARY KEY ("termId","missionId","productId","field")
);

-- CreateTable
CREATE TABLE "SearchDoc" (
    "productId" INTEGER NOT NULL,
    "missionId" INTEGER NOT NULL,
    "active" BOOLEAN NOT NULL,
    "category" TEXT NOT NULL,
    "province" TEXT NOT NULL,
    "key" TEXT NOT NULL,

    CONSTRAINT "SearchDoc_pkey" PRIMARY KEY ("productId")
);

-- CreateTable
CREATE TABLE "SearchPending" (
    "productId" INTEGER NOT NULL,
    "seq" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "SearchPending_pkey" PRIMARY KEY ("productId")
);

-- CreateIndex
CREATE UNIQUE INDEX "SearchTerm_term_key" ON "SearchTerm"("term");

-- CreateIndex
CREATE INDEX "ProductTerm_productId_idx" ON "ProductTerm"("productId");

-- CreateIndex
CREATE INDEX "SearchDoc_missionId_category_idx" ON "SearchDoc"("missionId", "category");

-- CreateIndex
CREATE INDEX "SearchDoc_missionId_province_idx" ON "SearchDoc"("missionId", "province");

-- AddForeignKey
ALTER TABLE "ProductTerm" ADD CONSTRAINT "ProductTerm_termId_fkey" FOREIGN KEY ("termId") REFERENCES "SearchTerm"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProductTerm" ADD CONSTRAINT "ProductTerm_productId_fkey" FOREIGN KEY ("productId") REFERENCES "Product"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SearchDoc" ADD CONSTRAINT "SearchDoc_productId_fkey" FOREIGN KEY ("productId") REFERENCES "Product"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SearchPending" ADD CONSTRAINT "SearchPending_productId_fkey" FOREIGN KEY ("productId") REFERENCES "Product"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Hand-written from here on (see src/db/search-index.ts).
--
-- The catalog is now ranked in the database from a word index (SearchTerm,
-- ProductTerm, SearchDoc), which replaces the trigram expression indexes of
-- 20261127090000_product_search. The words are normalised in TypeScript, so
-- triggers cannot write them: they only queue the product (also when it is
-- listed or unlisted, or moves category, province or mission) in SearchPending,
-- whoever writes the tables, and the bot indexes the queue before it searches.
--
-- No statement may contain a semicolon: the driver adapter that applies
-- migrations splits the script at every one. The PL/pgSQL bodies below are
-- E'' strings, in which \073 is the semicolon their syntax needs.
DROP INDEX "Product_search_trgm_idx";

DROP INDEX "Exhibitor_search_trgm_idx";

DROP FUNCTION misi_search_text(text);

-- Finds the indexed words that share a trigram with a query word (a prefix,
-- an infix or a typo) with LIKE '%kop%', so a search looks at a few words,
-- not at every product.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

CREATE INDEX "SearchTerm_trgm_idx" ON "SearchTerm" USING gin ("term" gin_trgm_ops);

CREATE FUNCTION misi_search_queue_product() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
    INSERT INTO "SearchPending" ("productId") VALUES (NEW."id")
    ON CONFLICT ("productId") DO UPDATE SET "seq" = "SearchPending"."seq" + 1\073
    RETURN NULL\073
END';

CREATE FUNCTION misi_search_queue_exhibitor() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
    INSERT INTO "SearchPending" ("productId") SELECT "id" FROM "Product" WHERE "exhibitorId" = NEW."id"
    ON CONFLICT ("productId") DO UPDATE SET "seq" = "SearchPending"."seq" + 1\073
    RETURN NULL\073
END';

CREATE TRIGGER "Product_search_insert" AFTER INSERT ON "Product"
    FOR EACH ROW EXECUTE FUNCTION misi_search_queue_product();

CREATE TRIGGER "Product_search_update" AFTER UPDATE OF "name", "description", "exhibitorId", "category", "active" ON "Product"
    FOR EACH ROW
    WHEN (OLD."name" IS DISTINCT FROM NEW."name" OR OLD."description" IS DISTINCT FROM NEW."description" OR OLD."exhibitorId" IS DISTINCT FROM NEW."exhibitorId"
        OR OLD."category" IS DISTINCT FROM NEW."category" OR OLD."active" IS DISTINCT FROM NEW."active")
    EXECUTE FUNCTION misi_search_queue_product();

CREATE TRIGGER "Exhibitor_search_update" AFTER UPDATE OF "name", "missionId", "province" ON "Exhibitor"
    FOR EACH ROW WHEN (OLD."name" IS DISTINCT FROM NEW."name" OR OLD."missionId" IS DISTINCT FROM NEW."missionId" OR OLD."province" IS DISTINCT FROM NEW."province")
    EXECUTE FUNCTION misi_search_queue_exhibitor();

-- Products listed before this migration.
INSERT INTO "SearchPending" ("productId") SELECT "id" FROM "Product";
