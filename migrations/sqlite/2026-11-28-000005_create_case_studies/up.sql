-- Case studies: work co-ops did, with the co-ops involved and skills used.
CREATE TABLE case_studies (
    id TEXT PRIMARY KEY NOT NULL,
    slug TEXT NOT NULL UNIQUE,
    title TEXT NOT NULL,
    client TEXT NOT NULL,
    summary TEXT NOT NULL,
    year INTEGER,
    value_band TEXT,
    outcome TEXT NOT NULL,
    links TEXT NOT NULL,
    version INTEGER NOT NULL,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL
);

CREATE TABLE case_study_coops (
    case_study_id TEXT NOT NULL REFERENCES case_studies (id) ON DELETE CASCADE,
    coop_id TEXT NOT NULL REFERENCES coops (id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    PRIMARY KEY (case_study_id, coop_id)
);

CREATE INDEX case_study_coops_by_coop ON case_study_coops (coop_id);

CREATE TABLE case_study_skills (
    case_study_id TEXT NOT NULL REFERENCES case_studies (id) ON DELETE CASCADE,
    skill_slug TEXT NOT NULL REFERENCES skills (slug),
    position INTEGER NOT NULL,
    PRIMARY KEY (case_study_id, skill_slug)
);
