DROP TABLE tombstones;
DROP TABLE coop_roles;
DROP TABLE coop_skills;
DROP TABLE coops;
