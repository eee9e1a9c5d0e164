DROP TABLE case_study_skills;
DROP TABLE case_study_coops;
DROP TABLE case_studies;
