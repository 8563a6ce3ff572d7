-- Web chat across instances (issue 17): transcripts, uploads and Telegram's long button payloads
-- move from process memory to the database.

-- CreateTable
CREATE TABLE "WebChatEntry" (
    "seq" BIGSERIAL NOT NULL,
    "sessionId" TEXT NOT NULL,
    "entryId" TEXT NOT NULL,
    "entry" JSONB NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "WebChatEntry_pkey" PRIMARY KEY ("seq")
);

-- CreateTable
CREATE TABLE "WebUpload" (
    "fileId" TEXT NOT NULL,
    "sessionId" TEXT NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "WebUpload_pkey" PRIMARY KEY ("fileId")
);

-- CreateTable
CREATE TABLE "ButtonPayload" (
    "key" TEXT NOT NULL,
    "actionId" TEXT NOT NULL,
    "value" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ButtonPayload_pkey" PRIMARY KEY ("key")
);

-- CreateIndex
CREATE UNIQUE INDEX "WebChatEntry_sessionId_entryId_key" ON "WebChatEntry"("sessionId", "entryId");

-- CreateIndex
CREATE INDEX "WebChatEntry_sessionId_seq_idx" ON "WebChatEntry"("sessionId", "seq");

-- CreateIndex
CREATE INDEX "WebChatEntry_createdAt_idx" ON "WebChatEntry"("createdAt");

-- CreateIndex
CREATE INDEX "WebUpload_expiresAt_idx" ON "WebUpload"("expiresAt");

-- CreateIndex
CREATE INDEX "WebUpload_sessionId_createdAt_idx" ON "WebUpload"("sessionId", "createdAt");

-- CreateIndex
CREATE INDEX "ButtonPayload_createdAt_idx" ON "ButtonPayload"("createdAt");
