-- Co-ops, their skills (technologies and services), who administers them,
-- and tombstones of deleted records for clients that sync.
CREATE TABLE coops (
    id TEXT PRIMARY KEY NOT NULL,
    slug TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    summary TEXT NOT NULL,
    description TEXT NOT NULL,
    website TEXT,
    address TEXT,
    locality TEXT,
    region TEXT,
    country TEXT,
    postcode TEXT,
    latitude DOUBLE PRECISION,
    longitude DOUBLE PRECISION,
    legal_form TEXT,
    organisational_structure TEXT,
    registration_number TEXT,
    member_count INTEGER,
    sectors TEXT NOT NULL,
    clients TEXT NOT NULL,
    happy_to_share_experience BOOLEAN NOT NULL,
    membership_status TEXT NOT NULL,
    membership_origin TEXT,
    fund_contribution TEXT,
    invited_at TIMESTAMP,
    membership_changed_at TIMESTAMP NOT NULL,
    version INTEGER NOT NULL,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL
);

CREATE INDEX coops_by_updated_at ON coops (updated_at);

CREATE TABLE coop_skills (
    coop_id TEXT NOT NULL REFERENCES coops (id) ON DELETE CASCADE,
    kind TEXT NOT NULL,
    skill_slug TEXT NOT NULL REFERENCES skills (slug),
    position INTEGER NOT NULL,
    PRIMARY KEY (coop_id, kind, skill_slug)
);

CREATE INDEX coop_skills_by_skill ON coop_skills (skill_slug);

CREATE TABLE coop_roles (
    coop_id TEXT NOT NULL REFERENCES coops (id) ON DELETE CASCADE,
    user_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    role TEXT NOT NULL,
    PRIMARY KEY (coop_id, user_id)
);

CREATE INDEX coop_roles_by_user ON coop_roles (user_id);

CREATE TABLE tombstones (
    entity TEXT NOT NULL,
    entity_id TEXT NOT NULL,
    slug TEXT,
    deleted_at TIMESTAMP NOT NULL,
    PRIMARY KEY (entity, entity_id)
);
