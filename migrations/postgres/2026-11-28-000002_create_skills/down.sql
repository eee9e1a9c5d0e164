DROP TABLE skill_aliases;
DROP TABLE skills;
