//! JSON shapes several resources share, so that no route module reads
//! another's: those every face shows come from `coophub_app::shapes`;
//! accounts, places and request skills are the JSON API's own.

mod accounts;
mod refs;
mod request;

pub use accounts::{TokenResponse, UserView};
pub use coophub_app::shapes::{CoopRef, MoneyBody, PersonRef, TenderValueBody, days};
pub use refs::Geolocation;
pub use request::RequestSkillBody;
