//! Who does what: co-ops, their people, case studies, skills, accounts.

pub mod people;
