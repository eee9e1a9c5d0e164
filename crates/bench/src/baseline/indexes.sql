-- Built after the rows are in, as one would load a corpus.
CREATE INDEX baseline_documents_document ON baseline_documents USING gin (document);
CREATE INDEX baseline_documents_place ON baseline_documents (latitude, longitude);
CREATE TABLE baseline_words AS
    SELECT word FROM ts_stat($$SELECT to_tsvector('simple', title || ' ' || skills || ' ' || summary) FROM baseline_documents$$);
CREATE INDEX baseline_words_trigrams ON baseline_words USING gin (word gin_trgm_ops);
ANALYZE baseline_documents;
ANALYZE baseline_words;
