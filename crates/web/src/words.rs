//! What the pages write out the same way everywhere; templates call these
//! as `self::name(…)` where a page's module imports them.

use coophub_app::bidding::views::ValueView;
use coophub_app::shapes::{LevelledSkillView, MoneyBody};
use coophub_domain::money::written;

/// Skills with the level each needs or has: "Rust (level 3+), UX (level 2+)".
pub fn skills_in_words(skills: &[LevelledSkillView]) -> String {
    let named: Vec<String> = skills
        .iter()
        .map(|s| format!("{} (level {}+)", s.name, s.level))
        .collect();
    named.join(", ")
}

/// An amount of money: "GBP 1,200".
pub fn money_in_words(money: &MoneyBody) -> String {
    written(money.amount, &money.currency)
}

/// A tender's value, net of tax, the same way.
pub fn value_in_words(value: &ValueView) -> String {
    written(value.amount, &value.currency)
}
