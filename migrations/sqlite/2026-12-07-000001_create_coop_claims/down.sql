DROP TABLE coop_claims;
