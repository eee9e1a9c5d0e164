-- Sharing people between co-ops: offers of time (a named person or a role),
-- requests for it, and placements that book an offer's time. Amounts are in
-- minor units with their ISO 4217 currency; time is in half days a week.
CREATE TABLE offers (
    id TEXT PRIMARY KEY NOT NULL,
    coop_id TEXT NOT NULL REFERENCES coops (id) ON DELETE CASCADE,
    person_id TEXT REFERENCES people (id) ON DELETE SET NULL,
    title TEXT NOT NULL,
    half_days INTEGER NOT NULL,
    start_date DATE NOT NULL,
    end_date DATE NOT NULL,
    work_mode TEXT NOT NULL,
    latitude DOUBLE PRECISION,
    longitude DOUBLE PRECISION,
    day_rate_amount BIGINT,
    day_rate_currency TEXT,
    robin_hood_rate_amount BIGINT,
    robin_hood_rate_currency TEXT,
    notes TEXT NOT NULL,
    status TEXT NOT NULL,
    reconfirmed_at TIMESTAMP NOT NULL,
    version INTEGER NOT NULL,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL
);

CREATE INDEX offers_by_coop ON offers (coop_id);
CREATE INDEX offers_by_person ON offers (person_id);

CREATE TABLE offer_skills (
    offer_id TEXT NOT NULL REFERENCES offers (id) ON DELETE CASCADE,
    skill_slug TEXT NOT NULL REFERENCES skills (slug),
    level INTEGER NOT NULL,
    position INTEGER NOT NULL,
    PRIMARY KEY (offer_id, skill_slug)
);

CREATE INDEX offer_skills_by_skill ON offer_skills (skill_slug);

CREATE TABLE requests (
    id TEXT PRIMARY KEY NOT NULL,
    coop_id TEXT NOT NULL REFERENCES coops (id) ON DELETE CASCADE,
    title TEXT NOT NULL,
    half_days INTEGER NOT NULL,
    start_date DATE NOT NULL,
    end_date DATE NOT NULL,
    work_mode TEXT,
    latitude DOUBLE PRECISION,
    longitude DOUBLE PRECISION,
    budget_amount BIGINT,
    budget_currency TEXT,
    project_kind TEXT NOT NULL,
    status TEXT NOT NULL,
    version INTEGER NOT NULL,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL
);

CREATE INDEX requests_by_coop ON requests (coop_id);

CREATE TABLE request_skills (
    request_id TEXT NOT NULL REFERENCES requests (id) ON DELETE CASCADE,
    skill_slug TEXT NOT NULL REFERENCES skills (slug),
    min_level INTEGER NOT NULL,
    position INTEGER NOT NULL,
    PRIMARY KEY (request_id, skill_slug)
);

CREATE INDEX request_skills_by_skill ON request_skills (skill_slug);

-- A placement books time: of an offer, or (for a rotation swap) of a person
-- directly, so the offering co-op and the person are kept on the row.
CREATE TABLE placements (
    id TEXT PRIMARY KEY NOT NULL,
    offer_id TEXT REFERENCES offers (id) ON DELETE CASCADE,
    offering_coop_id TEXT NOT NULL REFERENCES coops (id) ON DELETE CASCADE,
    person_id TEXT REFERENCES people (id) ON DELETE SET NULL,
    requesting_coop_id TEXT NOT NULL REFERENCES coops (id) ON DELETE CASCADE,
    request_id TEXT REFERENCES requests (id) ON DELETE SET NULL,
    half_days INTEGER NOT NULL,
    start_date DATE NOT NULL,
    end_date DATE NOT NULL,
    message TEXT NOT NULL,
    state TEXT NOT NULL,
    version INTEGER NOT NULL,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL
);

CREATE INDEX placements_by_offer ON placements (offer_id, state);
CREATE INDEX placements_by_person ON placements (person_id, state);
CREATE INDEX placements_by_offering_coop ON placements (offering_coop_id);
CREATE INDEX placements_by_requesting_coop ON placements (requesting_coop_id);

-- Every change of a placement's state: who, when and why.
CREATE TABLE placement_events (
    placement_id TEXT NOT NULL REFERENCES placements (id) ON DELETE CASCADE,
    seq INTEGER NOT NULL,
    state TEXT NOT NULL,
    action TEXT,
    user_id TEXT REFERENCES users (id) ON DELETE SET NULL,
    reason TEXT NOT NULL,
    at TIMESTAMP NOT NULL,
    PRIMARY KEY (placement_id, seq)
);
