DROP TABLE bid_sections;
DROP TABLE bid_role_skills;
DROP TABLE bid_roles;
DROP TABLE bid_members;
DROP TABLE bids;
