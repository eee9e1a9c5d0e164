//! Standard Webhooks signatures: the secret is `whsec_` and the base64 of
//! its bytes; a delivery is signed by HMAC-SHA256 over
//! `{webhook-id}.{webhook-timestamp}.{body}`, sent as `v1,` and the base64
//! of the MAC. During a secret rotation the header carries one signature per
//! secret, separated by spaces, so receivers may switch at their pace.

use base64::Engine;
use base64::engine::general_purpose::STANDARD;
use hmac::{Hmac, KeyInit, Mac};
use sha2::Sha256;

const PREFIX: &str = "whsec_";
/// Bytes of a generated secret (the specification asks for 24 to 64).
pub const SECRET_BYTES: usize = 32;

/// A signing secret.
#[derive(Clone, PartialEq, Eq)]
pub struct Secret(Vec<u8>);

impl std::fmt::Debug for Secret {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Secret(…)")
    }
}

/// A stored secret that does not read as one.
#[derive(Debug, thiserror::Error)]
#[error("not a whsec_ secret")]
pub struct SecretError;

impl Secret {
    /// A secret of the given random bytes (the caller draws them).
    pub fn from_random(bytes: [u8; SECRET_BYTES]) -> Self {
        Self(bytes.to_vec())
    }

    /// The `whsec_…` form shown once to the admin and stored.
    pub fn encode(&self) -> String {
        format!("{PREFIX}{}", STANDARD.encode(&self.0))
    }

    /// Reads the `whsec_…` form.
    pub fn decode(text: &str) -> Result<Self, SecretError> {
        let body = text.strip_prefix(PREFIX).ok_or(SecretError)?;
        let bytes = STANDARD.decode(body).map_err(|_| SecretError)?;
        if bytes.is_empty() {
            return Err(SecretError);
        }
        Ok(Self(bytes))
    }
}

/// The `v1,…` signature of one delivery with `secret`.
pub fn sign(secret: &Secret, id: &str, timestamp: i64, body: &[u8]) -> String {
    // HMAC takes keys of any length: this cannot fail.
    let mut mac = match Hmac::<Sha256>::new_from_slice(&secret.0) {
        Ok(mac) => mac,
        Err(_) => unreachable!("HMAC accepts keys of any length"),
    };
    mac.update(id.as_bytes());
    mac.update(b".");
    mac.update(timestamp.to_string().as_bytes());
    mac.update(b".");
    mac.update(body);
    format!("v1,{}", STANDARD.encode(mac.finalize().into_bytes()))
}

/// The `webhook-signature` header: one signature per secret in use.
pub fn signature_header(secrets: &[Secret], id: &str, timestamp: i64, body: &[u8]) -> String {
    secrets
        .iter()
        .map(|secret| sign(secret, id, timestamp, body))
        .collect::<Vec<_>>()
        .join(" ")
}
