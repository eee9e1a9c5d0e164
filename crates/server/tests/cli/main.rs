//! The `coophub` binary, run as a user would.

#![allow(clippy::unwrap_used, clippy::expect_used, missing_docs)]

mod backup;
mod civicrm;
mod commands;
mod helpers;
mod import;
mod ocds;
mod relevance;
mod sync;
mod webhooks;
