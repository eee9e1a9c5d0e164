//! Contact details as stored: one JSON object of `email`, `phone` and `url`
//! in a `contact` column (NULL when none is given), for co-ops and people.

use coophub_domain::coop::Contact;
use serde::{Deserialize, Serialize};

#[derive(Serialize, Deserialize)]
struct Stored {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    email: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    phone: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    url: Option<String>,
}

/// The column's value for `contact`.
pub(crate) fn to_db(contact: &Contact) -> Option<String> {
    if contact.is_empty() {
        return None;
    }
    serde_json::to_string(&Stored {
        email: contact.email.clone(),
        phone: contact.phone.clone(),
        url: contact.url.clone(),
    })
    .ok()
}

/// The contact a column holds; `None` when it is not the JSON [`to_db`] writes.
pub(crate) fn from_db(column: Option<&str>) -> Option<Contact> {
    let Some(text) = column else {
        return Some(Contact::default());
    };
    let stored: Stored = serde_json::from_str(text).ok()?;
    Some(Contact {
        email: stored.email,
        phone: stored.phone,
        url: stored.url,
    })
}
