//! Calendar feeds (RFC 5545) of accepted and active placements: a co-op's
//! (`/api/v1/coops/{slug}/placements.ics`) and one person's
//! (`/api/v1/people/{id}/placements.ics`), for members of that co-op, with
//! a token or with a revocable secret `key` that calendar apps can keep.

pub mod feeds;
pub mod ics;

use sha2::{Digest, Sha256};

/// The stored form of a feed secret: its SHA-256, in hex.
pub(crate) fn secret_hash(secret: &str) -> String {
    Sha256::digest(secret.as_bytes())
        .iter()
        .map(|byte| format!("{byte:02x}"))
        .collect()
}

/// A new feed secret: 32 random bytes, in hex.
pub(crate) fn new_secret() -> String {
    use rand::RngCore;
    let mut bytes = [0u8; 32];
    rand::rng().fill_bytes(&mut bytes);
    bytes.iter().map(|byte| format!("{byte:02x}")).collect()
}

/// A calendar answer: iCalendar text, never kept by caches on the way.
pub(crate) fn ics_response(text: String) -> actix_web::HttpResponse {
    actix_web::HttpResponse::Ok()
        .content_type("text/calendar; charset=utf-8")
        .insert_header(("Cache-Control", "private, no-store"))
        .body(text)
}
