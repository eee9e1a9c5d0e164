DROP TABLE notifications;
DROP TABLE event_coops;
DROP TABLE events;
