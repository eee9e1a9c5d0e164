DROP TABLE person_skills;
DROP TABLE people;
