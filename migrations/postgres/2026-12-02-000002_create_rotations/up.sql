-- Rotation requests (private to the person and their co-op's admins) and
-- the swaps proposed between two of them, with the four answers a swap
-- needs: both people and both co-ops' admins.
CREATE TABLE rotations (
    id TEXT PRIMARY KEY NOT NULL,
    person_id TEXT NOT NULL REFERENCES people (id) ON DELETE CASCADE,
    coop_id TEXT NOT NULL REFERENCES coops (id) ON DELETE CASCADE,
    from_placement_id TEXT REFERENCES placements (id) ON DELETE SET NULL,
    from_offer_id TEXT REFERENCES offers (id) ON DELETE SET NULL,
    project_kind TEXT,
    half_days INTEGER NOT NULL,
    start_date DATE NOT NULL,
    end_date DATE NOT NULL,
    notes TEXT NOT NULL,
    suggest_me BOOLEAN NOT NULL,
    status TEXT NOT NULL,
    version INTEGER NOT NULL,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL
);

CREATE INDEX rotations_by_person ON rotations (person_id);
CREATE INDEX rotations_by_status ON rotations (status);

CREATE TABLE rotation_skills (
    rotation_id TEXT NOT NULL REFERENCES rotations (id) ON DELETE CASCADE,
    skill_slug TEXT NOT NULL REFERENCES skills (slug),
    position INTEGER NOT NULL,
    PRIMARY KEY (rotation_id, skill_slug)
);

CREATE INDEX rotation_skills_by_skill ON rotation_skills (skill_slug);

CREATE TABLE swaps (
    id TEXT PRIMARY KEY NOT NULL,
    first_rotation_id TEXT NOT NULL REFERENCES rotations (id) ON DELETE CASCADE,
    second_rotation_id TEXT NOT NULL REFERENCES rotations (id) ON DELETE CASCADE,
    half_days INTEGER NOT NULL,
    start_date DATE NOT NULL,
    end_date DATE NOT NULL,
    state TEXT NOT NULL,
    first_person_agreed BOOLEAN NOT NULL,
    second_person_agreed BOOLEAN NOT NULL,
    first_coop_agreed BOOLEAN NOT NULL,
    second_coop_agreed BOOLEAN NOT NULL,
    proposed_at TIMESTAMP NOT NULL,
    first_placement_id TEXT REFERENCES placements (id) ON DELETE SET NULL,
    second_placement_id TEXT REFERENCES placements (id) ON DELETE SET NULL,
    version INTEGER NOT NULL,
    updated_at TIMESTAMP NOT NULL
);

CREATE INDEX swaps_by_first ON swaps (first_rotation_id);
CREATE INDEX swaps_by_second ON swaps (second_rotation_id);
