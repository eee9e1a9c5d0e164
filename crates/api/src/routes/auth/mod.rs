//! Opening accounts and signing in.

pub mod login;
pub mod register;
