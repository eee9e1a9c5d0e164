//! JSON shapes several resources share, so that no route module reads
//! another's: those every face shows come from `coophub_app::shapes`;
//! accounts are the JSON API's own.

mod accounts;

pub use accounts::{TokenResponse, UserView};
pub use coophub_app::shapes::{
    CoopRef, MoneyBody, PersonRef, RequestSkillBody, TenderValueBody, days,
};
