ALTER TABLE case_study_coops DROP COLUMN consent;
