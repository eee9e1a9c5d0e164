//! How partner suggestions for a role are scored: mostly by skills, then
//! by levels, time, and the softer reasons. Weights add up to 1:
//!
//! | reason | weight |
//! |---|---|
//! | skills covered (listed, case studies, people; [`super::coop_fit`]) | 0.50 |
//! | skills its people hold at the role's least level | 0.20 |
//! | days it can give over the role's period against the role's effort | 0.15 |
//! | distance to the lead co-op (full at 0 km, none from 500 km) | 0.05 |
//! | a case study with a consortium co-op (worked together before) | 0.05 |
//! | happy to share experience | 0.05 |
//!
//! Equal scores are ordered by slug, so the order is the same every time.

/// Distance from which nearness adds nothing.
const FAR_KM: f64 = 500.0;

/// What a suggestion is scored on.
#[derive(Debug, Clone, PartialEq)]
pub struct PartnerFacts {
    /// The share of wanted skills covered, weighted by evidence (0 to 1).
    pub coverage: f64,
    /// Wanted skills its people hold at the least level.
    pub at_level: usize,
    /// Skills the role wants.
    pub wanted: usize,
    /// Days it can give over the period, when known.
    pub available_days: Option<f64>,
    /// The role's effort in days.
    pub effort_days: u32,
    /// Kilometres to the lead co-op, when both places are known.
    pub distance_km: Option<f64>,
    /// Consortium co-ops it has case studies with.
    pub worked_with: usize,
    /// Whether it is happy to share experience.
    pub happy_to_share: bool,
}

/// The score of a suggestion, 0 to 1.
pub fn partner_score(facts: &PartnerFacts) -> f64 {
    let levels = if facts.wanted == 0 {
        0.0
    } else {
        facts.at_level as f64 / facts.wanted as f64
    };
    let time = match facts.available_days {
        Some(days) if facts.effort_days > 0 => (days / f64::from(facts.effort_days)).min(1.0),
        _ => 0.0,
    };
    let near = facts
        .distance_km
        .map_or(0.0, |km| 1.0 - km.clamp(0.0, FAR_KM) / FAR_KM);
    0.5 * facts.coverage.clamp(0.0, 1.0)
        + 0.2 * levels.min(1.0)
        + 0.15 * time
        + 0.05 * near
        + 0.05 * f64::from(u8::from(facts.worked_with > 0))
        + 0.05 * f64::from(u8::from(facts.happy_to_share))
}

/// Orders `(score, slug)` best first, equal scores by slug.
pub fn best_partners_first<T>(items: &mut [(f64, String, T)]) {
    items.sort_by(|a, b| {
        b.0.partial_cmp(&a.0)
            .unwrap_or(std::cmp::Ordering::Equal)
            .then_with(|| a.1.cmp(&b.1))
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn skills_count_most_and_ties_go_by_slug() {
        let full = PartnerFacts {
            coverage: 1.0,
            at_level: 2,
            wanted: 2,
            available_days: Some(40.0),
            effort_days: 20,
            distance_km: Some(0.0),
            worked_with: 1,
            happy_to_share: true,
        };
        assert!((partner_score(&full) - 1.0).abs() < 1e-9);
        let nothing = PartnerFacts {
            coverage: 0.0,
            at_level: 0,
            wanted: 0,
            available_days: None,
            effort_days: 0,
            distance_km: Some(900.0),
            worked_with: 0,
            happy_to_share: false,
        };
        assert_eq!(partner_score(&nothing), 0.0);
        let skills_only = PartnerFacts {
            coverage: 1.0,
            ..nothing.clone()
        };
        let soft_only = PartnerFacts {
            distance_km: Some(0.0),
            worked_with: 3,
            happy_to_share: true,
            available_days: Some(100.0),
            effort_days: 10,
            ..nothing
        };
        assert!(partner_score(&skills_only) > partner_score(&soft_only));
        let mut ranked = vec![
            (0.5, "b".to_owned(), ()),
            (0.9, "z".to_owned(), ()),
            (0.5, "a".to_owned(), ()),
        ];
        best_partners_first(&mut ranked);
        let order: Vec<&str> = ranked.iter().map(|r| r.1.as_str()).collect();
        assert_eq!(order, ["z", "a", "b"]);
    }
}
