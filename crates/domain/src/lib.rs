//! coophub's domain: the types and rules that every layer shares.
//!
//! Nothing here knows about the database, HTTP or search: the store, API and
//! search crates turn their inputs into these types, so a rule (what an email
//! is, how long a password must be) is written once and holds everywhere.

pub mod access;
pub mod account;
pub mod alert;
pub mod bidding;
pub mod case_study;
pub mod clock;
pub mod consent;
pub mod conversation;
pub mod coop;
pub mod dates;
mod expected;
pub mod fund;
pub mod geo;
pub mod money;
pub mod notify;
pub mod password;
pub mod person;
pub mod places;
pub mod reminder;
pub mod sharing;
pub mod skills;
pub mod text;
pub mod validation;
pub mod webhook;

pub use account::{DisplayName, Email, Registration, User};
pub use clock::{Clock, ManualClock, SystemClock};
pub use expected::Expected;
pub use password::{NewPassword, PasswordHash};
pub use validation::{FieldError, ValidationErrors};
