DROP TABLE opportunity_cpv;
DROP TABLE opportunity_skills;
DROP TABLE opportunities;
