-- How far the search change log has been pruned. An index whose recorded
-- position is below this may have missed changes that are no longer in the
-- log, and is rebuilt. One row, updated in place.
CREATE TABLE search_change_pruning (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    pruned_through BIGINT NOT NULL
);
INSERT INTO search_change_pruning (id, pruned_through) VALUES (1, 0);
