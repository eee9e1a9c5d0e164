DROP TABLE social_good_proposals;
