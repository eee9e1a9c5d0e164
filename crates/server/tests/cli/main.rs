//! The `coophub` binary, run as a user would.

#![allow(clippy::unwrap_used, clippy::expect_used, missing_docs)]

mod backup;
mod civicrm;
mod commands;
mod crash;
mod helpers;
mod import;
mod instances;
mod ocds;
mod relevance;
mod secrets_in_logs;
mod sync;
mod tenders;
mod webhooks;
mod writes;
