-- Private stays private in tombstones too: `public` says whether viewers
-- outside the network ever saw the record (a co-op that was approved at some
-- time, a public person), so only then do they hear that it is gone.
-- Earlier tombstones cannot tell, so they stay within the network.
ALTER TABLE tombstones ADD COLUMN public BOOLEAN NOT NULL DEFAULT FALSE;
