//! One attempt: the Standard Webhooks request, sent with a client that
//! follows no redirects, uses no proxy, gives up after the timeout, reads at
//! most a little of the answer, and connects only to addresses the rule
//! allows, checked on the URL and on every address its name resolves to
//! (so a name cannot be pointed at the hub's own network later).

use std::net::SocketAddr;
use std::sync::Arc;

use coophub_domain::webhook::{AddressRule, Secret, endpoint_url, signature_header};
use coophub_store::webhooks::outbox::{Claim, Outcome};
use reqwest::dns::{Addrs, Name, Resolve, Resolving};

use crate::config::WebhookSettings;

/// Most bytes of an answer kept for the delivery log.
const RESPONSE_KEPT: usize = 1024;
/// Longest error kept for the delivery log.
const ERROR_KEPT: usize = 500;

/// The delivering client.
pub(super) fn client(settings: &WebhookSettings) -> anyhow::Result<reqwest::Client> {
    Ok(reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .no_proxy()
        .timeout(settings.timeout)
        .connect_timeout(settings.timeout)
        .user_agent(concat!("coophub-webhooks/", env!("CARGO_PKG_VERSION")))
        .dns_resolver(Arc::new(Guarded {
            rule: settings.addresses,
        }))
        .build()?)
}

/// Resolves names, keeping only the addresses the rule allows.
struct Guarded {
    rule: AddressRule,
}

impl Resolve for Guarded {
    fn resolve(&self, name: Name) -> Resolving {
        let rule = self.rule;
        let host = name.as_str().to_owned();
        Box::pin(async move {
            let found: Vec<SocketAddr> =
                tokio::net::lookup_host((host.as_str(), 0)).await?.collect();
            let allowed: Vec<SocketAddr> =
                found.into_iter().filter(|a| rule.allows(a.ip())).collect();
            if allowed.is_empty() {
                return Err(std::io::Error::other(format!(
                    "{host} resolves to no public address (private, loopback and link-local addresses are not allowed)"
                ))
                .into());
            }
            Ok(Box::new(allowed.into_iter()) as Addrs)
        })
    }
}

/// The body: the event's type, when it happened, and what it happened to
/// (a link the receiver follows with its own token: the body names nothing
/// the co-op could not see).
fn body(claim: &Claim, public_url: &str) -> Vec<u8> {
    serde_json::json!({
        "type": claim.kind.as_str(),
        "timestamp": claim.occurred_at.to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
        "data": {
            "event_id": claim.event_id,
            "summary": claim.summary,
            "subject": {
                "type": claim.subject_type,
                "id": claim.subject_id,
                "url": format!("{public_url}{}", claim.link),
            },
        },
    })
    .to_string()
    .into_bytes()
}

/// Text for the log: no control characters, at most `limit` characters.
fn clean(text: &str, limit: usize) -> String {
    text.chars()
        .map(|c| if c.is_control() && c != '\n' { ' ' } else { c })
        .filter(|c| *c != '\n')
        .take(limit)
        .collect()
}

fn failed(error: impl std::fmt::Display) -> Outcome {
    Outcome {
        error: Some(clean(&error.to_string(), ERROR_KEPT)),
        ..Outcome::default()
    }
}

/// Makes one attempt at `claim`.
pub(super) async fn deliver(
    client: &reqwest::Client,
    rule: AddressRule,
    claim: &Claim,
    public_url: &str,
) -> Outcome {
    // The rule may have tightened since the endpoint was registered.
    let url = match endpoint_url(&claim.url, rule) {
        Ok(url) => url,
        Err(why) => return failed(format!("not delivered: the URL {why}")),
    };
    let secrets: Vec<Secret> = claim
        .secrets
        .iter()
        .filter_map(|s| Secret::decode(s).ok())
        .collect();
    let body = body(claim, public_url);
    let timestamp = chrono::Utc::now().timestamp();
    let signature = signature_header(&secrets, &claim.delivery_id, timestamp, &body);
    let sent = client
        .post(url)
        .header("content-type", "application/json")
        .header("webhook-id", &claim.delivery_id)
        .header("webhook-timestamp", timestamp.to_string())
        .header("webhook-signature", signature)
        .body(body)
        .send()
        .await;
    let mut response = match sent {
        Ok(response) => response,
        Err(error) => return failed(describe(&error)),
    };
    let status = response.status();
    let mut kept = Vec::new();
    while kept.len() < RESPONSE_KEPT {
        match response.chunk().await {
            Ok(Some(chunk)) => kept.extend_from_slice(&chunk),
            Ok(None) | Err(_) => break,
        }
    }
    kept.truncate(RESPONSE_KEPT);
    let error = match status.as_u16() {
        200..=299 => None,
        300..=399 => Some(format!("answered {status}: redirects are not followed")),
        _ => Some(format!("answered {status}")),
    };
    Outcome {
        status: Some(status.as_u16()),
        error,
        response: Some(clean(&String::from_utf8_lossy(&kept), RESPONSE_KEPT)),
    }
}

/// An error with its causes, in words.
fn describe(error: &reqwest::Error) -> String {
    if error.is_timeout() {
        return "timed out".to_owned();
    }
    let mut text = error.to_string();
    let mut source = std::error::Error::source(error);
    while let Some(cause) = source {
        text.push_str(": ");
        text.push_str(&cause.to_string());
        source = cause.source();
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[actix_web::test]
    async fn names_resolving_to_private_addresses_are_refused() {
        let guarded = |rule| Guarded { rule };
        let name = || "localhost".parse::<Name>().unwrap();
        let refused = guarded(AddressRule::PublicOnly).resolve(name()).await;
        let error = refused.err().unwrap().to_string();
        assert!(error.contains("resolves to no public address"), "{error}");
        let allowed = guarded(AddressRule::AllowPrivate)
            .resolve(name())
            .await
            .unwrap();
        assert!(allowed.into_iter().all(|a| a.ip().is_loopback()));
    }

    /// An endpoint registered under an older, looser rule (or written to the
    /// database by other means) is checked again at delivery, literal
    /// addresses too, since they are never resolved.
    #[actix_web::test]
    async fn an_address_the_rule_refuses_is_not_delivered_to() {
        for url in ["https://[::7f00:1]/hook", "https://[2002:7f00:1::]/hook"] {
            let claim = Claim {
                delivery_id: "msg_1".into(),
                attempt: 1,
                url: url.into(),
                secrets: vec![],
                kind: coophub_domain::notify::EventKind::ALL[0],
                event_id: "e".into(),
                subject_type: "coop".into(),
                subject_id: "c".into(),
                link: "/api/v1/coops/c".into(),
                summary: "s".into(),
                occurred_at: chrono::Utc::now(),
            };
            let outcome =
                deliver(&reqwest::Client::new(), AddressRule::PublicOnly, &claim, "").await;
            let error = outcome.error.unwrap_or_default();
            assert!(
                error.starts_with("not delivered: the URL"),
                "{url}: {error}"
            );
            assert_eq!(outcome.status, None);
        }
    }

    #[test]
    fn log_text_has_no_control_characters() {
        assert_eq!(clean("a\u{0}b\nc\u{7f}", 10), "a bc ");
        assert_eq!(clean("abcdef", 3), "abc");
    }
}
