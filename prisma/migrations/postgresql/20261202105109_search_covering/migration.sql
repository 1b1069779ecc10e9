-- DropIndex
DROP INDEX "SearchDoc_missionId_category_idx";

-- DropIndex
DROP INDEX "SearchDoc_missionId_province_idx";

-- AlterTable
ALTER TABLE "ProductTerm" ADD COLUMN     "key" TEXT NOT NULL DEFAULT '';

-- CreateIndex
CREATE INDEX "ProductTerm_termId_missionId_field_key_productId_idx" ON "ProductTerm"("termId", "missionId", "field", "key", "productId");

-- CreateIndex
CREATE INDEX "SearchDoc_missionId_category_active_key_productId_idx" ON "SearchDoc"("missionId", "category", "active", "key", "productId");

-- CreateIndex
CREATE INDEX "SearchDoc_missionId_province_active_key_productId_idx" ON "SearchDoc"("missionId", "province", "active", "key", "productId");

-- Hand-written from here on (see src/db/search-index.ts): the postings carry
-- their product's name key, which the covering index gives the ranking.
UPDATE "ProductTerm" pt SET "key" = d."key" FROM "SearchDoc" d WHERE d."productId" = pt."productId";
