DROP TABLE deadline_feeds;
