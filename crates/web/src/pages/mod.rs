//! One module per page (or group of pages), each a thin handler: read the
//! request, call one operation as the visitor, render its answer.

pub mod account;
pub mod bid;
pub mod coop;
pub mod figures;
pub mod map;
pub mod me;
pub mod opportunities;
pub mod person;
pub mod register;
pub mod search;
pub mod sharing;
pub mod stewards;
