//! How one resource names another: the references every face shares are
//! `coophub_app::refs`; this one only the JSON API sends.

use serde::Serialize;
use utoipa::ToSchema;

/// Latitude and longitude.
#[derive(Debug, Serialize, ToSchema)]
pub struct Geolocation {
    /// Latitude.
    pub lat: f64,
    /// Longitude.
    pub lon: f64,
}
