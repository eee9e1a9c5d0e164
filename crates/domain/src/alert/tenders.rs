//! Alerts on tenders. A tender matches when every filter given holds: one
//! of the skills, one of the CPV codes (matched up and down the hierarchy:
//! an alert for 72400000 hears of 72413000, and one for 72413000 of a
//! tender coded only 72400000), the value range, the buyer's name, the
//! region, the suitability flag, and the words.

use super::{AlertFilters, Suitability, contains_all};
use crate::bidding::cpv::significant;
use crate::bidding::{Opportunity, OpportunityStatus};

/// Why `opportunity` matches `filters`, if it does and takes bids (open or
/// planning); `None` otherwise.
pub fn opportunity_match(
    filters: &AlertFilters,
    opportunity: &Opportunity,
    status: OpportunityStatus,
) -> Option<Vec<String>> {
    if status == OpportunityStatus::Closed {
        return None;
    }
    let tender = &opportunity.tender;
    let mut reasons = Vec::new();
    if !filters.skills.is_empty() {
        let needed: Vec<&str> = opportunity
            .required_skills
            .iter()
            .filter(|s| filters.skills.contains(&s.slug))
            .map(|s| s.name.as_str())
            .collect();
        if needed.is_empty() {
            return None;
        }
        reasons.push(format!("needs {}", needed.join(", ")));
    }
    if !filters.cpv.is_empty() {
        let hit = tender.cpv.iter().find(|code| {
            filters.cpv.iter().any(|wanted| {
                let (a, b) = (significant(wanted), significant(code));
                a.starts_with(b) || b.starts_with(a)
            })
        })?;
        reasons.push(format!("CPV {hit}"));
    }
    if filters.value_min.is_some() || filters.value_max.is_some() {
        let amount = tender.value.as_ref()?.amount;
        if filters.value_min.is_some_and(|min| amount < min)
            || filters.value_max.is_some_and(|max| amount > max)
        {
            return None;
        }
        reasons.push("its value is in the range".into());
    }
    if let Some(buyer) = &filters.buyer {
        let name = tender
            .buyer_name
            .as_deref()
            .filter(|name| contains_all(name, buyer))?;
        reasons.push(format!("bought by {name}"));
    }
    if let Some(wanted) = &filters.region {
        let region = tender
            .region
            .as_deref()
            .filter(|region| contains_all(region, wanted))?;
        reasons.push(format!("in {region}"));
    }
    match filters.suitable_for {
        Some(Suitability::Sme) if tender.suitable_for_sme == Some(true) => {
            reasons.push("suitable for SMEs".into())
        }
        Some(Suitability::Vcse) if tender.suitable_for_vcse == Some(true) => {
            reasons.push("suitable for VCSEs".into())
        }
        Some(_) => return None,
        None => {}
    }
    if let Some(words) = &filters.words {
        let text = format!("{} {}", tender.title, tender.description);
        if !contains_all(&text, words) {
            return None;
        }
        reasons.push(format!("mentions {words}"));
    }
    Some(reasons)
}

#[cfg(test)]
mod tests {
    use chrono::Utc;

    use super::*;
    use crate::bidding::ManualTender;

    fn opportunity(cpv: &[&str]) -> Opportunity {
        let tender = ManualTender {
            title: "Patient records API".into(),
            description: "Open source, accessible".into(),
            buyer_name: Some("An NHS trust".into()),
            region: Some("Yorkshire and the Humber".into()),
            deadline: None,
            value: Some(crate::bidding::TenderValue {
                amount: 12_000_000,
                gross: None,
                currency: "GBP".into(),
            }),
            cpv: cpv.iter().map(|c| (*c).to_owned()).collect(),
            suitable_for_sme: Some(true),
            suitable_for_vcse: None,
        };
        Opportunity {
            id: uuid::Uuid::nil(),
            tender: tender.into_release("x".into(), Utc::now()),
            required_skills: Vec::new(),
            manual: true,
            provenance: crate::bidding::Provenance::Network,
            version: 1,
            created_at: Utc::now(),
            updated_at: Utc::now(),
        }
    }

    #[test]
    fn cpv_codes_match_up_and_down_and_every_filter_must_hold() {
        let open = OpportunityStatus::Open;
        let specific = AlertFilters {
            cpv: vec!["72413000".into()],
            ..AlertFilters::default()
        };
        assert!(
            opportunity_match(&specific, &opportunity(&["72400000"]), open).is_some(),
            "up"
        );
        let general = AlertFilters {
            cpv: vec!["72000000".into()],
            ..AlertFilters::default()
        };
        assert!(
            opportunity_match(&general, &opportunity(&["72413000"]), open).is_some(),
            "down"
        );
        assert!(opportunity_match(&general, &opportunity(&["48000000"]), open).is_none());
        let all = AlertFilters {
            cpv: vec!["72000000".into()],
            value_min: Some(10_000_000),
            value_max: Some(20_000_000),
            buyer: Some("nhs".into()),
            suitable_for: Some(Suitability::Sme),
            region: Some("yorkshire".into()),
            words: Some("records accessible".into()),
            ..AlertFilters::default()
        };
        let reasons = opportunity_match(&all, &opportunity(&["72413000"]), open).unwrap();
        assert_eq!(reasons.len(), 6, "{reasons:?}");
        assert!(reasons.contains(&"in Yorkshire and the Humber".to_owned()));
        let elsewhere = AlertFilters {
            region: Some("North West".into()),
            ..all.clone()
        };
        assert!(opportunity_match(&elsewhere, &opportunity(&["72413000"]), open).is_none());
        let too_dear = AlertFilters {
            value_max: Some(1_000),
            ..all.clone()
        };
        assert!(opportunity_match(&too_dear, &opportunity(&["72413000"]), open).is_none());
        assert!(
            opportunity_match(&all, &opportunity(&["72413000"]), OpportunityStatus::Closed)
                .is_none()
        );
    }
}
