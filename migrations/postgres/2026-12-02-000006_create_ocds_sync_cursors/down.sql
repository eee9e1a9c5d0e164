DROP TABLE ocds_sync_cursors;
