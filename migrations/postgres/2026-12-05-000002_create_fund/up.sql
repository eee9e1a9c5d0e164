-- The optional network fund: years with their purpose, each invited
-- co-op's answer (an amount, or a decline), invoices and payments against
-- pledges, spending, bids' contributions, and which co-ops are federation
-- members (a year may invite only those). Amounts in minor units.
CREATE TABLE fund_years (
    year INTEGER PRIMARY KEY NOT NULL,
    purpose TEXT NOT NULL,
    currency TEXT NOT NULL,
    -- JSON of the suggestion (none, flat, or by size).
    suggestion TEXT NOT NULL,
    invitees TEXT NOT NULL,
    version INTEGER NOT NULL,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL
);

CREATE TABLE fund_federation (
    coop_id TEXT PRIMARY KEY NOT NULL REFERENCES coops (id) ON DELETE CASCADE,
    marked_at TIMESTAMP NOT NULL
);

CREATE TABLE fund_pledges (
    year INTEGER NOT NULL REFERENCES fund_years (year) ON DELETE CASCADE,
    coop_id TEXT NOT NULL REFERENCES coops (id) ON DELETE CASCADE,
    -- NULL when declined.
    amount BIGINT,
    answered_by TEXT REFERENCES users (id) ON DELETE SET NULL,
    answered_at TIMESTAMP NOT NULL,
    PRIMARY KEY (year, coop_id)
);

CREATE TABLE fund_invoices (
    id TEXT PRIMARY KEY NOT NULL,
    year INTEGER NOT NULL,
    coop_id TEXT NOT NULL,
    number TEXT NOT NULL UNIQUE,
    amount BIGINT NOT NULL,
    issued_on DATE NOT NULL,
    due_on DATE NOT NULL,
    created_at TIMESTAMP NOT NULL,
    FOREIGN KEY (year, coop_id) REFERENCES fund_pledges (year, coop_id) ON DELETE CASCADE
);

CREATE INDEX fund_invoices_by_pledge ON fund_invoices (year, coop_id);

CREATE TABLE fund_payments (
    id TEXT PRIMARY KEY NOT NULL,
    invoice_id TEXT NOT NULL REFERENCES fund_invoices (id) ON DELETE CASCADE,
    amount BIGINT NOT NULL,
    paid_on DATE NOT NULL,
    reference TEXT,
    created_at TIMESTAMP NOT NULL
);

CREATE INDEX fund_payments_by_invoice ON fund_payments (invoice_id);

CREATE TABLE fund_spending (
    id TEXT PRIMARY KEY NOT NULL,
    year INTEGER NOT NULL REFERENCES fund_years (year) ON DELETE CASCADE,
    spent_on DATE NOT NULL,
    amount BIGINT NOT NULL,
    purpose TEXT NOT NULL,
    category TEXT NOT NULL,
    bid_id TEXT REFERENCES bids (id) ON DELETE SET NULL,
    case_study_slug TEXT,
    created_at TIMESTAMP NOT NULL
);

CREATE INDEX fund_spending_by_year ON fund_spending (year);

-- A won bid's network-fund share: pledged income of the year it was won.
CREATE TABLE fund_bid_income (
    bid_id TEXT PRIMARY KEY NOT NULL REFERENCES bids (id) ON DELETE CASCADE,
    year INTEGER NOT NULL,
    amount BIGINT NOT NULL,
    currency TEXT NOT NULL,
    recorded_at TIMESTAMP NOT NULL
);
