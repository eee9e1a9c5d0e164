DROP TABLE swaps;
DROP TABLE rotation_skills;
DROP TABLE rotations;
