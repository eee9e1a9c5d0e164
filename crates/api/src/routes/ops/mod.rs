//! Operational endpoints for orchestrators and monitoring.

pub mod health;
pub mod metrics;
