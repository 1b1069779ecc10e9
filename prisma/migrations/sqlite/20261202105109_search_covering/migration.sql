-- DropIndex
DROP INDEX "SearchDoc_missionId_category_idx";

-- DropIndex
DROP INDEX "SearchDoc_missionId_province_idx";

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_ProductTerm" (
    "termId" INTEGER NOT NULL,
    "missionId" INTEGER NOT NULL,
    "productId" INTEGER NOT NULL,
    "field" INTEGER NOT NULL,
    "key" TEXT NOT NULL DEFAULT '',

    PRIMARY KEY ("termId", "missionId", "productId", "field"),
    CONSTRAINT "ProductTerm_termId_fkey" FOREIGN KEY ("termId") REFERENCES "SearchTerm" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "ProductTerm_productId_fkey" FOREIGN KEY ("productId") REFERENCES "Product" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_ProductTerm" ("field", "missionId", "productId", "termId") SELECT "field", "missionId", "productId", "termId" FROM "ProductTerm";
DROP TABLE "ProductTerm";
ALTER TABLE "new_ProductTerm" RENAME TO "ProductTerm";
CREATE INDEX "ProductTerm_termId_missionId_field_key_productId_idx" ON "ProductTerm"("termId", "missionId", "field", "key", "productId");
CREATE INDEX "ProductTerm_productId_idx" ON "ProductTerm"("productId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "SearchDoc_missionId_category_active_key_productId_idx" ON "SearchDoc"("missionId", "category", "active", "key", "productId");

-- CreateIndex
CREATE INDEX "SearchDoc_missionId_province_active_key_productId_idx" ON "SearchDoc"("missionId", "province", "active", "key", "productId");

-- Hand-written from here on (see src/db/search-index.ts): the postings carry
-- their product's name key, which the covering index gives the ranking.
UPDATE "ProductTerm" SET "key" = coalesce((SELECT d."key" FROM "SearchDoc" d WHERE d."productId" = "ProductTerm"."productId"), '');
