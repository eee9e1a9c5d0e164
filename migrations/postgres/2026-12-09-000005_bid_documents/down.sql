DROP TABLE bid_documents;
