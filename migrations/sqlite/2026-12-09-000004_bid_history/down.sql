DROP TABLE bid_history;
