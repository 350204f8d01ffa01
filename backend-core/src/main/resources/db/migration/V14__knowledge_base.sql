-- The knowledge base: an organisation's documents (kept whole, so they can be indexed again when the
-- embedding model changes) and their chunks with one embedding each. Embeddings are float32,
-- little-endian, normalised to length 1, stored as bytes: the portable form H2 and PostgreSQL share.
-- With pgvector, the backend adds a vector column to knowledge_chunks at start (knowledge/PgVectorStore).
CREATE TABLE knowledge_documents (
    id              UUID PRIMARY KEY,
    organisation_id UUID         NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
    name            VARCHAR(300) NOT NULL,
    content_type    VARCHAR(40)  NOT NULL,
    size_bytes      BIGINT       NOT NULL,
    content         BYTEA        NOT NULL,
    status          VARCHAR(20)  NOT NULL,
    error           TEXT,
    pages           INTEGER,
    chunks          INTEGER      NOT NULL DEFAULT 0,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    indexed_at      TIMESTAMP WITH TIME ZONE
);
CREATE INDEX knowledge_documents_organisation_idx ON knowledge_documents (organisation_id, created_at);

CREATE TABLE knowledge_chunks (
    document_id     UUID         NOT NULL REFERENCES knowledge_documents (id) ON DELETE CASCADE,
    chunk_index     INTEGER      NOT NULL,
    organisation_id UUID         NOT NULL,
    page            INTEGER,
    text            TEXT         NOT NULL,
    -- the model that made the embedding: chunks of another model than the configured one are indexed again
    embedding_model VARCHAR(200) NOT NULL,
    dimensions      INTEGER      NOT NULL,
    embedding       BYTEA        NOT NULL,
    PRIMARY KEY (document_id, chunk_index)
);
CREATE INDEX knowledge_chunks_organisation_idx ON knowledge_chunks (organisation_id, embedding_model);
