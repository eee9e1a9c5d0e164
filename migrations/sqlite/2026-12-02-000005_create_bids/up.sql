-- Bids: a lead co-op's bid on an opportunity (optionally one lot), its
-- consortium (every co-op invited, with where it stands), the roles to fill
-- and the sections to write. Money is in minor units of the bid's currency;
-- the lead premium and the optional network-fund share in basis points.
CREATE TABLE bids (
    id TEXT PRIMARY KEY NOT NULL,
    opportunity_id TEXT NOT NULL REFERENCES opportunities (id) ON DELETE CASCADE,
    lot_id TEXT,
    lead_coop_id TEXT NOT NULL REFERENCES coops (id) ON DELETE CASCADE,
    coordinator_id TEXT REFERENCES people (id) ON DELETE SET NULL,
    title TEXT NOT NULL,
    state TEXT NOT NULL,
    decision_go BOOLEAN,
    decision_reasons TEXT,
    decision_criteria TEXT,
    decided_at TIMESTAMP,
    value_amount BIGINT,
    value_currency TEXT,
    lead_premium_bp INTEGER NOT NULL,
    fund_bp INTEGER,
    case_study_slug TEXT,
    submitted_at TIMESTAMP,
    version INTEGER NOT NULL,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL
);

CREATE INDEX bids_by_opportunity ON bids (opportunity_id);
CREATE INDEX bids_by_lead ON bids (lead_coop_id);

CREATE TABLE bid_members (
    bid_id TEXT NOT NULL REFERENCES bids (id) ON DELETE CASCADE,
    coop_id TEXT NOT NULL REFERENCES coops (id) ON DELETE CASCADE,
    status TEXT NOT NULL,
    invited_at TIMESTAMP NOT NULL,
    answered_at TIMESTAMP,
    PRIMARY KEY (bid_id, coop_id)
);

CREATE INDEX bid_members_by_coop ON bid_members (coop_id);

CREATE TABLE bid_roles (
    id TEXT PRIMARY KEY NOT NULL,
    bid_id TEXT NOT NULL REFERENCES bids (id) ON DELETE CASCADE,
    lot_id TEXT,
    title TEXT NOT NULL,
    effort_days INTEGER NOT NULL,
    start_date DATE,
    end_date DATE,
    day_rate BIGINT,
    coop_id TEXT REFERENCES coops (id) ON DELETE SET NULL,
    position INTEGER NOT NULL
);

CREATE INDEX bid_roles_by_bid ON bid_roles (bid_id, position);

CREATE TABLE bid_role_skills (
    role_id TEXT NOT NULL REFERENCES bid_roles (id) ON DELETE CASCADE,
    skill_slug TEXT NOT NULL REFERENCES skills (slug),
    min_level INTEGER NOT NULL,
    position INTEGER NOT NULL,
    PRIMARY KEY (role_id, skill_slug)
);

CREATE INDEX bid_role_skills_by_skill ON bid_role_skills (skill_slug);

CREATE TABLE bid_sections (
    id TEXT PRIMARY KEY NOT NULL,
    bid_id TEXT NOT NULL REFERENCES bids (id) ON DELETE CASCADE,
    title TEXT NOT NULL,
    owner_coop_id TEXT REFERENCES coops (id) ON DELETE SET NULL,
    owner_person_id TEXT REFERENCES people (id) ON DELETE SET NULL,
    due DATE,
    status TEXT NOT NULL,
    position INTEGER NOT NULL
);

CREATE INDEX bid_sections_by_bid ON bid_sections (bid_id, position);
