//! Pieces many answers share, for every face: how one record names
//! another, money, and time as sharing shows it.

mod money;
mod refs;
mod time;

pub use money::{MoneyBody, TenderValueBody};
pub use refs::{CoopRef, PersonRef, SkillRef};
pub use time::{LevelledSkillView, Place, Stretch, days, skill_views};
