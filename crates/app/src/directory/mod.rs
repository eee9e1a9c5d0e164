//! Who does what: co-ops, their people, case studies, skills, accounts.

pub mod accounts;
pub mod case_studies;
pub mod claims;
pub mod coops;
pub mod enquiries;
pub mod home;
pub mod murmurations;
pub mod people;
pub mod skills;
pub mod stats;
pub mod stewards;
