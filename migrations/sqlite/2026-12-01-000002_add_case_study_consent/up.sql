-- Nobody is named without consent: each co-op a case study names is its
-- `owner` (who published it), `confirmed` (its admins agreed) or `pending`.
-- Studies recorded before this were the network's own data: the first co-op
-- named becomes the owner and the others count as confirmed.
ALTER TABLE case_study_coops ADD COLUMN consent TEXT NOT NULL DEFAULT 'confirmed';
UPDATE case_study_coops SET consent = 'owner'
 WHERE position = (SELECT MIN(first.position) FROM case_study_coops AS first
                    WHERE first.case_study_id = case_study_coops.case_study_id);
