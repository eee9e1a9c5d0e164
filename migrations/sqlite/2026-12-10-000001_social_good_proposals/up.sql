-- A rotation request's person proposed for another co-op's social-good
-- request, with the three answers it needs: the person, their co-op's
-- admins and the requesting co-op's admins; and the placement booked once
-- all three agree.
CREATE TABLE social_good_proposals (
    id TEXT PRIMARY KEY NOT NULL,
    rotation_id TEXT NOT NULL REFERENCES rotations (id) ON DELETE CASCADE,
    request_id TEXT NOT NULL REFERENCES requests (id) ON DELETE CASCADE,
    half_days INTEGER NOT NULL,
    start_date DATE NOT NULL,
    end_date DATE NOT NULL,
    state TEXT NOT NULL,
    person_agreed BOOLEAN NOT NULL,
    home_coop_agreed BOOLEAN NOT NULL,
    requesting_coop_agreed BOOLEAN NOT NULL,
    proposed_at TIMESTAMP NOT NULL,
    placement_id TEXT REFERENCES placements (id) ON DELETE SET NULL,
    version INTEGER NOT NULL,
    updated_at TIMESTAMP NOT NULL
);

CREATE INDEX social_good_proposals_by_rotation ON social_good_proposals (rotation_id);
CREATE INDEX social_good_proposals_by_request ON social_good_proposals (request_id);
