//! Webhooks: a co-op's admins register endpoints that hear of the events
//! naming the co-op (`crate::notify`), delivered as the Standard Webhooks
//! specification describes (<https://www.standardwebhooks.com/>): signed
//! with a `whsec_` secret, retried with backoff, never to private addresses
//! unless the operator allows them.

mod address;
mod retry;
mod signature;

pub use address::{AddressRule, is_public};
pub use retry::{DEFAULT_RETRY_DELAYS, RetrySchedule};
pub use signature::{SECRET_BYTES, Secret, SecretError, sign, signature_header};

use crate::notify::EventKind;
use crate::text::has_control;
use crate::validation::{FieldError, ValidationErrors};

/// Longest endpoint URL accepted.
pub const URL_MAX: usize = 2000;
/// Most event types one endpoint names (repeats included).
pub const EVENTS_MAX: usize = 50;
/// Longest description accepted.
pub const DESCRIPTION_MAX: usize = 200;

/// An endpoint as an admin sends it, before checking.
#[derive(Debug, Clone, Default)]
pub struct WebhookDraft {
    /// Where deliveries are posted.
    pub url: String,
    /// Event kinds by name (`placement.requested`).
    pub events: Vec<String>,
    /// What the endpoint is for, for the admins.
    pub description: String,
}

/// A checked endpoint.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WebhookInput {
    /// Where deliveries are posted (normalised by the URL parser).
    pub url: String,
    /// The kinds it hears of, without duplicates, in the order of [`EventKind::ALL`].
    pub events: Vec<EventKind>,
    /// What it is for.
    pub description: String,
}

impl WebhookInput {
    /// Checks every field at once under `rule`.
    pub fn parse(draft: WebhookDraft, rule: AddressRule) -> Result<Self, ValidationErrors> {
        let change = WebhookChange::parse(
            WebhookChangeDraft {
                url: Some(draft.url),
                events: Some(draft.events),
                description: Some(draft.description),
            },
            rule,
        )?;
        match change {
            WebhookChange {
                url: Some(url),
                events: Some(events),
                description,
            } => Ok(Self {
                url,
                events,
                description: description.unwrap_or_default(),
            }),
            _ => Err(ValidationErrors(vec![FieldError::new(
                "/url",
                "is required",
            )])),
        }
    }
}

/// The fields of an endpoint a change sends, before checking.
#[derive(Debug, Clone, Default)]
pub struct WebhookChangeDraft {
    /// See [`WebhookDraft`].
    pub url: Option<String>,
    /// See [`WebhookDraft`].
    pub events: Option<Vec<String>>,
    /// See [`WebhookDraft`].
    pub description: Option<String>,
}

/// The checked fields of a change; those not sent stay as they are.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct WebhookChange {
    /// See [`WebhookInput`].
    pub url: Option<String>,
    /// See [`WebhookInput`].
    pub events: Option<Vec<EventKind>>,
    /// See [`WebhookInput`].
    pub description: Option<String>,
}

impl WebhookChange {
    /// Checks every field sent at once under `rule`.
    pub fn parse(draft: WebhookChangeDraft, rule: AddressRule) -> Result<Self, ValidationErrors> {
        let mut errors = ValidationErrors::default();
        let url = draft.url.and_then(|url| {
            errors.check(endpoint_url(&url, rule).map_err(|m| FieldError::new("/url", m)))
        });
        let events = draft
            .events
            .and_then(|names| errors.check(event_kinds(&names)));
        let description = draft.description.map(|text| text.trim().to_owned());
        if description
            .as_ref()
            .is_some_and(|text| text.chars().count() > DESCRIPTION_MAX || has_control(text))
        {
            errors.0.push(FieldError::new(
                "/description",
                format!("must be at most {DESCRIPTION_MAX} characters of plain text"),
            ));
        }
        errors.finish(|| {
            Some(Self {
                url,
                events,
                description,
            })
        })
    }
}

/// The kinds named, or a problem naming the first unknown one.
pub fn event_kinds(names: &[String]) -> Result<Vec<EventKind>, FieldError> {
    if names.is_empty() || names.len() > EVENTS_MAX {
        return Err(FieldError::new(
            "/events",
            format!("must name 1 to {EVENTS_MAX} event types, e.g. \"placement.requested\""),
        ));
    }
    let mut kinds = Vec::new();
    for (i, name) in names.iter().enumerate() {
        match EventKind::parse(name.trim()) {
            Some(kind) => kinds.push(kind),
            None => {
                return Err(FieldError::new(
                    format!("/events/{i}"),
                    "is not an event type: see the list in the API documentation (e.g. \"bid.invited\")",
                ));
            }
        }
    }
    Ok(EventKind::ALL
        .iter()
        .copied()
        .filter(|kind| kinds.contains(kind))
        .collect())
}

/// The endpoint URL, normalised, or why it cannot be used.
pub fn endpoint_url(text: &str, rule: AddressRule) -> Result<String, String> {
    let text = text.trim();
    if text.len() > URL_MAX || has_control(text) {
        return Err(format!("must be a URL of at most {URL_MAX} characters"));
    }
    let url = url::Url::parse(text).map_err(|_| {
        "must be an absolute URL, e.g. https://example.coop/hooks/coophub".to_owned()
    })?;
    match (url.scheme(), rule) {
        ("https", _) | ("http", AddressRule::AllowPrivate) => {}
        _ => return Err("must be an https:// URL".to_owned()),
    }
    let host = url
        .host()
        .ok_or_else(|| "must name a host, e.g. https://example.coop/hooks".to_owned())?;
    if !url.username().is_empty() || url.password().is_some() {
        return Err(
            "must not carry a user name or password: the signature authenticates deliveries"
                .to_owned(),
        );
    }
    if rule == AddressRule::PublicOnly && !address::host_may_be_public(&host) {
        return Err(
            "must be a public address: private, loopback and link-local hosts are not allowed"
                .to_owned(),
        );
    }
    Ok(url.to_string())
}

#[cfg(test)]
mod tests;
