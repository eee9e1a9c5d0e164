//! Matches as answers show them: the same for every face.

use coophub_domain::sharing::*;
use serde::Serialize;

use super::{OfferView, RequestView};
use crate::shapes::{Stretch, days};

/// A skill asked for and how it is covered.
#[derive(Debug, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CoveredSkill {
    /// Canonical slug.
    pub slug: String,
    /// The level offered.
    pub offered_level: u8,
    /// The least level asked.
    pub wanted_level: u8,
}

/// Why an offer and a request fit.
#[derive(Debug, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct MatchExplanation {
    /// 0 to 1: skills count most, then free time, way of working, rate and distance.
    pub score: f64,
    /// Skills asked for that the offer has at the level asked.
    pub covered: Vec<CoveredSkill>,
    /// Skills asked for and not offered (or below the level asked).
    pub missing: Vec<String>,
    /// Free time over the requested dates, stretch by stretch, after
    /// accepted placements (and the person's five-day week).
    pub free: Vec<Stretch>,
    /// The least free time over the requested dates.
    pub least_free_days_per_week: f64,
    /// Whether the way of working suits the request.
    pub work_mode_fits: bool,
    /// Distance when both are placed.
    pub distance_km: Option<f64>,
    /// Network members only: `within` budget, `over` it, or `unknown`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rate_fit: Option<String>,
}

/// An offer ranked for a request.
#[derive(Debug, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct OfferMatch {
    /// The offer.
    pub offer: OfferView,
    /// Why it fits.
    pub explanation: MatchExplanation,
}

/// A request ranked for an offer.
#[derive(Debug, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct RequestMatch {
    /// The request.
    pub request: RequestView,
    /// Why it fits.
    pub explanation: MatchExplanation,
}

/// Offers for a request, best first.
#[derive(Debug, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct OfferMatchList {
    /// Best first; ties to the lower offer id.
    pub items: Vec<OfferMatch>,
    /// How many in all.
    pub total: usize,
    /// Page number.
    pub page: u32,
    /// Page size.
    pub per_page: u32,
}

/// Requests for an offer, best first.
#[derive(Debug, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct RequestMatchList {
    /// Best first; ties to the lower request id.
    pub items: Vec<RequestMatch>,
    /// How many in all.
    pub total: usize,
    /// Page number.
    pub page: u32,
    /// Page size.
    pub per_page: u32,
}

impl MatchExplanation {
    /// The explanation of `fit`; the rate fit only when `rates`.
    pub fn new(fit: Fit, rates: bool) -> Self {
        Self {
            score: (fit.score * 1000.0).round() / 1000.0,
            covered: fit
                .covered
                .into_iter()
                .map(|(slug, offered_level, wanted_level)| CoveredSkill {
                    slug,
                    offered_level,
                    wanted_level,
                })
                .collect(),
            missing: fit.missing,
            free: fit
                .free
                .iter()
                .map(|free| Stretch {
                    start: free.range.start,
                    end: free.range.end,
                    days_per_week: days(free.half_days),
                })
                .collect(),
            least_free_days_per_week: days(fit.least_free),
            work_mode_fits: fit.work_mode_fits,
            distance_km: fit.distance_km.map(|km| (km * 10.0).round() / 10.0),
            rate_fit: rates.then(|| {
                match fit.rate {
                    RateFit::Within => "within",
                    RateFit::Over => "over",
                    RateFit::Unknown => "unknown",
                }
                .to_owned()
            }),
        }
    }
}
