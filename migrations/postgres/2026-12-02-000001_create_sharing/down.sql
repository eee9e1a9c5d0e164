DROP TABLE placement_events;
DROP TABLE placements;
DROP TABLE request_skills;
DROP TABLE requests;
DROP TABLE offer_skills;
DROP TABLE offers;
