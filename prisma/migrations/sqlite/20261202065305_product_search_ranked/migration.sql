-- CreateTable
CREATE TABLE "SearchTerm" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "term" TEXT NOT NULL
);

-- CreateTable
CREATE TABLE "ProductTerm" (
    "termId" INTEGER NOT NULL,
    "missionId" INTEGER NOT NULL,
    "productId" INTEGER NOT NULL,
    "field" INTEGER NOT NULL,

    PRIMARY KEY ("termId", "missionId", "productId", "field"),
    CONSTRAINT "ProductTerm_termId_fkey" FOREIGN KEY ("termId") REFERENCES "SearchTerm" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "ProductTerm_productId_fkey" FOREIGN KEY ("productId") REFERENCES "Product" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "SearchDoc" (
    "productId" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "missionId" INTEGER NOT NULL,
    "active" BOOLEAN NOT NULL,
    "category" TEXT NOT NULL,
    "province" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    CONSTRAINT "SearchDoc_productId_fkey" FOREIGN KEY ("productId") REFERENCES "Product" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "SearchPending" (
    "productId" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "seq" INTEGER NOT NULL DEFAULT 0,
    CONSTRAINT "SearchPending_productId_fkey" FOREIGN KEY ("productId") REFERENCES "Product" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE UNIQUE INDEX "SearchTerm_term_key" ON "SearchTerm"("term");

-- CreateIndex
CREATE INDEX "ProductTerm_productId_idx" ON "ProductTerm"("productId");

-- CreateIndex
CREATE INDEX "SearchDoc_missionId_category_idx" ON "SearchDoc"("missionId", "category");

-- CreateIndex
CREATE INDEX "SearchDoc_missionId_province_idx" ON "SearchDoc"("missionId", "province");

-- Hand-written from here on (see src/db/search-index.ts).
--
-- The catalog is now ranked in the database from a word index (SearchTerm,
-- ProductTerm, SearchDoc), which replaces the trigram candidate table of
-- 20261127090000_product_search. The words are normalised in TypeScript, so
-- triggers cannot write them: they only queue the product (also when it is
-- listed or unlisted, or moves category, province or mission) in SearchPending,
-- whoever writes the tables, and the bot indexes the queue before it searches.
DROP TRIGGER "Product_search_insert";

DROP TRIGGER "Product_search_update";

DROP TRIGGER "Product_search_delete";

DROP TRIGGER "Exhibitor_search_update";

DROP TABLE "ProductSearch";

-- Finds the indexed words that share a trigram with a query word (a prefix,
-- an infix or a typo), so a search looks at a few words, not at every product.
CREATE VIRTUAL TABLE "SearchTermTrigram" USING fts5(
    "term",
    content = 'SearchTerm',
    content_rowid = 'id',
    tokenize = 'trigram'
);

CREATE TRIGGER "SearchTerm_trigram_insert" AFTER INSERT ON "SearchTerm" BEGIN
    INSERT INTO "SearchTermTrigram" (rowid, "term") VALUES (NEW."id", NEW."term");
END;

CREATE TRIGGER "SearchTerm_trigram_delete" AFTER DELETE ON "SearchTerm" BEGIN
    INSERT INTO "SearchTermTrigram" ("SearchTermTrigram", rowid, "term") VALUES ('delete', OLD."id", OLD."term");
END;

CREATE TRIGGER "Product_search_insert" AFTER INSERT ON "Product" BEGIN
    INSERT INTO "SearchPending" ("productId") VALUES (NEW."id")
    ON CONFLICT ("productId") DO UPDATE SET "seq" = "seq" + 1;
END;

CREATE TRIGGER "Product_search_update" AFTER UPDATE OF "name", "description", "exhibitorId", "category", "active" ON "Product"
WHEN OLD."name" IS NOT NEW."name" OR OLD."description" IS NOT NEW."description" OR OLD."exhibitorId" IS NOT NEW."exhibitorId"
    OR OLD."category" IS NOT NEW."category" OR OLD."active" IS NOT NEW."active" BEGIN
    INSERT INTO "SearchPending" ("productId") VALUES (NEW."id")
    ON CONFLICT ("productId") DO UPDATE SET "seq" = "seq" + 1;
END;

CREATE TRIGGER "Exhibitor_search_update" AFTER UPDATE OF "name", "missionId", "province" ON "Exhibitor"
WHEN OLD."name" IS NOT NEW."name" OR OLD."missionId" IS NOT NEW."missionId" OR OLD."province" IS NOT NEW."province" BEGIN
    INSERT INTO "SearchPending" ("productId") SELECT "id" FROM "Product" WHERE "exhibitorId" = NEW."id"
    ON CONFLICT ("productId") DO UPDATE SET "seq" = "seq" + 1;
END;

-- Products listed before this migration.
INSERT INTO "SearchPending" ("productId") SELECT "id" FROM "Product" WHERE true;

-- Note for later migrations: Prisma alters an SQLite table by redefining it
-- (create, copy, drop, rename), which drops that table's triggers. A migration
-- that redefines "Product", "Exhibitor" or "SearchTerm" must create the
-- triggers above again (test/db/catalog-search.test.ts checks that they exist).
