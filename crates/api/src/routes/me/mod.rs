//! The signed-in account.

pub mod alerts;
pub mod change_password;
pub mod deadlines;
pub mod email;
pub mod notifications;
pub mod show;
