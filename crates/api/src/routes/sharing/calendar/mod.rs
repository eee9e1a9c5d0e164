//! Calendar feeds (RFC 5545) of accepted and active placements: a co-op's
//! (`/api/v1/coops/{slug}/placements.ics`) and one person's
//! (`/api/v1/people/{id}/placements.ics`), for members of that co-op, with
//! a token or with a revocable secret `key` that calendar apps can keep.

pub mod feeds;
pub mod ics;
