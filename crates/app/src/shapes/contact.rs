//! Contact details as clients send them and answers show them.

use coophub_domain::coop::{Contact, ContactDraft};
use serde::{Deserialize, Serialize};

/// How to reach a co-op or a person; every part optional.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct ContactBody {
    /// An email address.
    #[serde(default)]
    pub email: Option<String>,
    /// A phone number of 6 to 30 characters: a `+` or a digit, then digits,
    /// spaces, `(`, `)` and `-`, ending with a digit.
    #[serde(default)]
    pub phone: Option<String>,
    /// A contact page (http or https).
    #[serde(default)]
    pub url: Option<String>,
}

impl From<ContactBody> for ContactDraft {
    fn from(body: ContactBody) -> Self {
        ContactDraft {
            email: body.email,
            phone: body.phone,
            url: body.url,
        }
    }
}

impl ContactBody {
    /// What a viewer allowed to see `contact` is shown: `None` when nothing
    /// is given.
    pub fn shown(contact: Contact) -> Option<Self> {
        (!contact.is_empty()).then_some(ContactBody {
            email: contact.email,
            phone: contact.phone,
            url: contact.url,
        })
    }
}
