//! The skills a request asks for, as sent.

use serde::{Deserialize, Serialize};

/// A skill a request asks for, as sent.
#[derive(Debug, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct RequestSkillBody {
    /// Any spelling: normalised.
    pub skill: String,
    /// The least level that will do, 1 to 5.
    pub min_level: i64,
}
