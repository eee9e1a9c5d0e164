-- Where `coophub sync ocds` stands with each OCDS source (the URL it was
-- given): the page to fetch next (NULL once a run reached the last page),
-- and the newest release date imported, from which the next run asks for
-- what changed.
CREATE TABLE ocds_sync_cursors (
    source TEXT PRIMARY KEY NOT NULL,
    next_url TEXT,
    last_release_date TIMESTAMP,
    pages INTEGER NOT NULL,
    releases INTEGER NOT NULL,
    updated_at TIMESTAMP NOT NULL
);
