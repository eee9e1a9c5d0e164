//! Winning work together: `/api/v1/opportunities` so far.

pub mod opportunities;
