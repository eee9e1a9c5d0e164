-- The skills vocabulary: canonical skills, and every key (normalised
-- spelling) that resolves to one of them.
CREATE TABLE skills (
    slug TEXT PRIMARY KEY NOT NULL,
    name TEXT NOT NULL,
    category TEXT NOT NULL,
    esco_uri TEXT,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL
);

CREATE TABLE skill_aliases (
    alias_key TEXT PRIMARY KEY NOT NULL,
    skill_slug TEXT NOT NULL REFERENCES skills (slug) ON DELETE CASCADE
);

CREATE INDEX skill_aliases_by_skill ON skill_aliases (skill_slug);
