-- The PostgreSQL full-text baseline, built the documented way: a generated,
-- weighted tsvector with a GIN index, pg_trgm over the corpus' words for
-- typos, ts_rank, the same filters and facet counts as coophub's search.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
DROP TABLE IF EXISTS baseline_words;
DROP TABLE IF EXISTS baseline_documents;
CREATE TABLE baseline_documents (
    kind text NOT NULL,
    id text NOT NULL,
    title text NOT NULL,
    summary text NOT NULL,
    description text NOT NULL,
    skills text NOT NULL,
    skill_slugs text[] NOT NULL,
    region text,
    legal_form text,
    latitude float8,
    longitude float8,
    public boolean NOT NULL,
    document tsvector GENERATED ALWAYS AS (
        setweight(to_tsvector('english', title), 'A')
        || setweight(to_tsvector('english', skills), 'B')
        || setweight(to_tsvector('english', summary), 'C')
        || setweight(to_tsvector('english', description), 'D')
    ) STORED,
    PRIMARY KEY (kind, id)
);
