-- Opportunities: tenders from OCDS (one row per contracting process, the
-- newest release winning) or entered by hand, with the skills they need.
-- Lots and documents are kept as JSON: they are read with the tender, never
-- queried on their own.
CREATE TABLE opportunities (
    id TEXT PRIMARY KEY NOT NULL,
    ocid TEXT NOT NULL UNIQUE,
    release_id TEXT NOT NULL,
    release_date TIMESTAMP NOT NULL,
    tags TEXT NOT NULL,
    title TEXT NOT NULL,
    description TEXT NOT NULL,
    buyer_name TEXT,
    buyer_id TEXT,
    value_amount BIGINT,
    value_gross BIGINT,
    value_currency TEXT,
    deadline TIMESTAMP,
    enquiry_deadline TIMESTAMP,
    contract_start TIMESTAMP,
    contract_end TIMESTAMP,
    procurement_method TEXT,
    cpv TEXT NOT NULL,
    lots TEXT NOT NULL,
    documents TEXT NOT NULL,
    suitable_for_sme BOOLEAN,
    suitable_for_vcse BOOLEAN,
    tender_status TEXT,
    manual BOOLEAN NOT NULL,
    version INTEGER NOT NULL,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL
);

CREATE INDEX opportunities_by_deadline ON opportunities (deadline);

CREATE TABLE opportunity_skills (
    opportunity_id TEXT NOT NULL REFERENCES opportunities (id) ON DELETE CASCADE,
    skill_slug TEXT NOT NULL REFERENCES skills (slug),
    position INTEGER NOT NULL,
    PRIMARY KEY (opportunity_id, skill_slug)
);

CREATE INDEX opportunity_skills_by_skill ON opportunity_skills (skill_slug);

-- CPV codes, one row each, for filtering by code prefix.
CREATE TABLE opportunity_cpv (
    opportunity_id TEXT NOT NULL REFERENCES opportunities (id) ON DELETE CASCADE,
    code TEXT NOT NULL,
    PRIMARY KEY (opportunity_id, code)
);

CREATE INDEX opportunity_cpv_by_code ON opportunity_cpv (code);
