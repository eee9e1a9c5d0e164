-- Alerts on offers of time and on people, beside those on tenders: an
-- alert's subject says which it looks at. A hit per alert and item (an
-- offer or a person) tells of each once; deleting the item deletes its hits.
ALTER TABLE alerts ADD COLUMN subject TEXT NOT NULL DEFAULT 'opportunities';

CREATE TABLE talent_alert_hits (
    alert_id TEXT NOT NULL REFERENCES alerts (id) ON DELETE CASCADE,
    item_id TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL,
    PRIMARY KEY (alert_id, item_id)
);

CREATE INDEX talent_alert_hits_by_item ON talent_alert_hits (item_id);
CREATE INDEX alerts_by_subject ON alerts (subject);
