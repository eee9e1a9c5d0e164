//! Writes of every kind that a server under test must not lose: a writer's
//! round (co-op, approval, person, offer, two placement asks at once and
//! both accepted at once), what the server acknowledged, and the checks that
//! every acknowledged write is still there with no offer over capacity.

use std::cell::RefCell;

use futures_util::future::join_all;
use serde_json::{Value, json};

use crate::helpers::Steward;

/// The co-op that asks for every placement (create and approve it first).
pub const ASKER: &str = "asker";
/// Days a week each offer has; each is asked twice for `ASKED` days, so at
/// most one of the two may be accepted.
pub const OFFERED: f64 = 3.0;
pub const ASKED: f64 = 2.0;

/// What the server acknowledged.
#[derive(Default)]
pub struct Acknowledged {
    pub coops: Vec<String>,
    pub people: Vec<String>,
    pub offers: Vec<String>,
    pub placements: Vec<String>,
    pub accepted: Vec<String>,
    pub bids: Vec<String>,
}

/// Reads, at `address`, every write in `acknowledged`: each is there, each
/// accepted placement is still accepted, and no offer has more days accepted
/// than it offered.
pub async fn assert_acknowledged_hold(
    steward: &Steward,
    address: &str,
    acknowledged: &Acknowledged,
) {
    for slug in &acknowledged.coops {
        steward.get(address, &format!("/api/v1/coops/{slug}")).await;
    }
    for id in &acknowledged.people {
        steward.get(address, &format!("/api/v1/people/{id}")).await;
    }
    for id in &acknowledged.offers {
        steward.get(address, &format!("/api/v1/offers/{id}")).await;
        let path = format!("/api/v1/placements?offer_id={id}&state=accepted&per_page=100");
        let accepted = steward.get(address, &path).await;
        let days: f64 = accepted["items"]
            .as_array()
            .unwrap()
            .iter()
            .map(|p| p["days_per_week"].as_f64().unwrap())
            .sum();
        assert!(
            days <= OFFERED,
            "offer {id}: {days} days accepted of {OFFERED}"
        );
    }
    for id in &acknowledged.bids {
        steward.get(address, &format!("/api/v1/bids/{id}")).await;
    }
    for id in &acknowledged.placements {
        steward
            .get(address, &format!("/api/v1/placements/{id}"))
            .await;
    }
    for id in &acknowledged.accepted {
        let placement = steward
            .get(address, &format!("/api/v1/placements/{id}"))
            .await;
        assert_eq!(placement["state"], "accepted", "{placement}");
    }
}

/// What every round needs: the co-op [`ASKER`], approved, and a call for
/// tenders to bid on (imported as OCDS); answers the opportunity's id.
pub async fn prepare(steward: &Steward, address: &str) -> String {
    steward.post(address, "/api/v1/coops", &coop(ASKER)).await;
    steward
        .post(address, &approve(ASKER), &json!({"action": "approve"}))
        .await;
    let package = json!({"releases": [{"ocid": "ocds-b5fd17-writes-1", "id": "writes-1",
        "date": "2026-12-01T09:00:00Z", "tag": ["tender"],
        "buyer": {"id": "GB-1", "name": "A council"},
        "tender": {"title": "Kingfisher portal", "status": "active",
                   "classification": {"scheme": "CPV", "id": "72413000"},
                   "tenderPeriod": {"endDate": "2027-06-30T12:00:00Z"}}}]});
    let imported = steward
        .post(address, "/api/v1/opportunities/import", &package)
        .await;
    id(&imported["items"][0])
}

/// One round of a writer: a co-op, approved, a person, an offer of
/// [`OFFERED`] days, asked twice at once and both accepted at once (one
/// must be refused for capacity), and a bid the co-op leads on
/// `opportunity`; the two asks and accepts go through `ask_via` (two
/// instances, or one twice). `None` once a write is refused or the server
/// stops answering.
pub async fn write_round(
    steward: &Steward,
    address: &str,
    ask_via: [&str; 2],
    (slug, opportunity): (&str, &str),
    acknowledged: &RefCell<Acknowledged>,
) -> Option<()> {
    steward
        .try_post(address, "/api/v1/coops", Some(&coop(slug)))
        .await?;
    acknowledged.borrow_mut().coops.push(slug.to_owned());
    steward
        .try_post(address, &approve(slug), Some(&json!({"action": "approve"})))
        .await?;
    let person = json!({"name": format!("Kingfisher {slug}"), "headline": "Kingfisher developer"});
    let person = steward
        .try_post(
            address,
            &format!("/api/v1/coops/{slug}/people"),
            Some(&person),
        )
        .await?;
    acknowledged.borrow_mut().people.push(id(&person));
    let offer = json!({
        "coop": slug, "title": "Kingfisher help", "skills": [{"skill": "rust", "level": 4}],
        "days_per_week": OFFERED, "start": "2027-01-04", "end": "2027-03-28",
        "work_mode": "remote",
    });
    let offer = id(&steward
        .try_post(address, "/api/v1/offers", Some(&offer))
        .await?);
    acknowledged.borrow_mut().offers.push(offer.clone());
    let ask = json!({"requesting_coop": ASKER, "days_per_week": ASKED,
                     "start": "2027-01-04", "end": "2027-02-26", "message": "May we?"});
    let path = format!("/api/v1/offers/{offer}/placements");
    let asked = join_all(ask_via.map(|via| steward.try_post(via, &path, Some(&ask)))).await;
    let placements: Vec<String> = asked.iter().flatten().map(id).collect();
    acknowledged
        .borrow_mut()
        .placements
        .extend(placements.iter().cloned());
    let accepts = placements
        .iter()
        .zip(ask_via)
        .map(|(placement, via)| async move {
            let path = format!("/api/v1/placements/{placement}/accept");
            steward
                .try_post(via, &path, None)
                .await
                .map(|_| placement.clone())
        });
    let accepted: Vec<String> = join_all(accepts).await.into_iter().flatten().collect();
    let lost = accepted.is_empty() || placements.len() < 2;
    acknowledged.borrow_mut().accepted.extend(accepted);
    if lost {
        return None;
    }
    let bid = json!({"opportunity_id": opportunity, "lead_coop": slug,
                     "title": format!("Kingfisher bid {slug}"), "fund_bp": 200});
    let bid = steward
        .try_post(address, "/api/v1/bids", Some(&bid))
        .await?;
    acknowledged.borrow_mut().bids.push(id(&bid));
    Some(())
}

pub fn id(value: &Value) -> String {
    value["id"].as_str().unwrap().to_owned()
}

pub fn approve(slug: &str) -> String {
    format!("/api/v1/coops/{slug}/membership")
}

pub fn coop(slug: &str) -> Value {
    json!({
        "slug": slug, "name": format!("Kingfisher {slug}"), "summary": "A kingfisher worker co-op",
        "location": {"locality": "Leeds", "country": "gb"},
        "legal_form": "cooperative_society", "organisational_structure": "worker_coop",
    })
}
