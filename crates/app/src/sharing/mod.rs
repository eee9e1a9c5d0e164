//! Sharing people between co-ops: offers of time, requests, placements.

pub mod offers;
