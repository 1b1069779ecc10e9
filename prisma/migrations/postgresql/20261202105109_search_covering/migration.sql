-- DropIndex
DROP INDEX "SearchDoc_missionId_category_idx";

-- DropIndex
DROP INDEX "SearchDoc_missionId_province_idx";

-- AlterTable
ALTER TABLE "ProductTerm" ADD COLUMN     "key" TEXT NOT NULL DEFAULT '';

-- CreateIndex
CREATE INDEX "ProductTerm_termId_missionId_field_key_productId_idx" ON "ProductTerm"("termId", "missionId", "field", "key" COLLATE "C", "productId");

-- CreateIndex
CREATE INDEX "SearchDoc_missionId_category_active_key_productId_idx" ON "SearchDoc"("missionId", "category", "active", "key" COLLATE "C", "productId");

-- CreateIndex
CREATE INDEX "SearchDoc_missionId_province_active_key_productId_idx" ON "SearchDoc"("missionId", "province", "active", "key" COLLATE "C", "productId");

-- Hand-written from here on (see src/db/search-index.ts): the postings carry
-- their product's name key, which the covering index gives the ranking.
UPDATE "ProductTerm" pt SET "key" = d."key" FROM "SearchDoc" d WHERE d."productId" = pt."productId";
-- The three indexes above order "key" COLLATE "C" (edited by hand): the search
-- orders names byte by byte on both databases, and reads a page in that order
-- straight from the index (Prisma's schema cannot state an index collation).
