-- Every change the search index must follow, written in the same transaction
-- as the change itself; the indexer applies them in sequence order.
CREATE TABLE search_changes (
    seq INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    entity TEXT NOT NULL,
    entity_id TEXT NOT NULL,
    changed_at TIMESTAMP NOT NULL
);
