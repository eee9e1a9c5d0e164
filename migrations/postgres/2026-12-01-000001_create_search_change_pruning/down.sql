DROP TABLE search_change_pruning;
