//! Pieces many answers share, for every face: how one record names
//! another, money, and time as sharing shows it.

mod contact;
mod money;
mod refs;
mod request;
mod time;

pub use contact::ContactBody;
pub use money::{MoneyBody, TenderValueBody};
pub use refs::{CoopRef, PersonRef, SkillRef};
pub use request::RequestSkillBody;
pub use time::{LevelledSkillView, Place, Stretch, days, skill_views};

/// The items of `page` from a list ranked in memory, and how many in all.
pub fn page_of<T>(ranked: Vec<T>, page: coophub_store::Page) -> (Vec<T>, usize) {
    let total = ranked.len();
    let start = usize::try_from(page.offset()).unwrap_or(usize::MAX);
    let size = usize::try_from(page.size).unwrap_or(usize::MAX);
    (ranked.into_iter().skip(start).take(size).collect(), total)
}
