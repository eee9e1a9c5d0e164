//! Rotating a webhook's secret.

/// How long the previous secret keeps signing after a rotation.
pub const ROTATION_GRACE: chrono::Duration = chrono::Duration::hours(24);
