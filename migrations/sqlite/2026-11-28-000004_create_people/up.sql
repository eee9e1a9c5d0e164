-- People of co-ops, and their skills with level and interest (1 to 5).
CREATE TABLE people (
    id TEXT PRIMARY KEY NOT NULL,
    coop_id TEXT NOT NULL REFERENCES coops (id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    headline TEXT NOT NULL,
    bio TEXT NOT NULL,
    days_per_week DOUBLE PRECISION,
    available_from DATE,
    availability_reconfirmed_at TIMESTAMP,
    day_rate INTEGER,
    visibility TEXT NOT NULL,
    user_id TEXT REFERENCES users (id) ON DELETE SET NULL,
    version INTEGER NOT NULL,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL
);

CREATE INDEX people_by_coop ON people (coop_id);
CREATE INDEX people_by_user ON people (user_id);

CREATE TABLE person_skills (
    person_id TEXT NOT NULL REFERENCES people (id) ON DELETE CASCADE,
    skill_slug TEXT NOT NULL REFERENCES skills (slug),
    level INTEGER NOT NULL,
    interest INTEGER NOT NULL,
    position INTEGER NOT NULL,
    PRIMARY KEY (person_id, skill_slug)
);

CREATE INDEX person_skills_by_skill ON person_skills (skill_slug);
