DROP TABLE alert_hits;
DROP TABLE alerts;
