//! Black-box tests of the HTTP API: each test starts the real server on a
//! free port with a fresh database, and talks to it over HTTP. Every test
//! runs on SQLite and on PostgreSQL (see `coophub_testkit::backend_tests!`).

#![allow(clippy::unwrap_used, clippy::expect_used, missing_docs)]

mod alerts;
mod auth;
mod backup;
mod bidding;
mod browser;
mod case_studies;
mod claims;
mod concurrency;
mod consent;
mod contact;
mod coop_deletion;
mod coop_lists;
mod coops;
mod dates;
mod deadlines;
mod derived_data;
mod email;
mod errors;
mod filters;
mod fund;
mod helpers;
mod matrix;
mod murmurations;
mod my_coops;
mod notifications;
mod openapi;
mod openapi_clients;
mod operations;
mod patch;
mod people;
mod places;
mod reminders;
mod search;
mod security_headers;
mod sharing;
mod skills;
mod slow_clients;
mod text_hygiene;
mod tokens;
mod validation;
mod web;
mod webhooks;
