-- Which skills published case studies list, looked up per skill (the
-- vocabulary's check of what a viewer may learn exists).
CREATE INDEX case_study_skills_by_skill ON case_study_skills (skill_slug);
