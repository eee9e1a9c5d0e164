//! Winning work together: opportunities, and bids with their consortium.
//! The bid tests share a small network: a lead co-op, a partner with Rust
//! people, another Rust co-op that will decline, and an outsider.

mod bids;
mod concurrency;
mod documents;
mod history;
mod messages;
mod ocds_out;
mod opportunities;
mod partners;
mod readiness;
mod relevance;

use reqwest::StatusCode;
use serde_json::{Value, json};

use crate::coops::{approved_coop, coop};
use crate::helpers::TestApp;

/// Who is who in the bid tests.
pub struct Consortium {
    pub app: TestApp,
    /// Admin of `lead-coop` (web apps, UX).
    pub lead: String,
    /// Admin of `partner-coop` (Rust, hosting).
    pub partner: String,
    /// A member (not an admin) of `partner-coop`.
    pub partner_member: String,
    /// Admin of `other-coop` (Rust too).
    pub other: String,
    /// Signed in, of no co-op.
    pub outsider: String,
    /// The imported tender bid for.
    pub opportunity: String,
}

/// A co-op body with its own technologies, services and place.
fn coop_with(slug: &str, technologies: &[&str], services: &[&str], place: (f64, f64)) -> Value {
    let mut body = coop(slug);
    body["technologies"] = json!(technologies);
    body["services"] = json!(services);
    body["happy_to_share_experience"] = json!(slug == "partner-coop");
    body["location"]["latitude"] = json!(place.0);
    body["location"]["longitude"] = json!(place.1);
    body
}

async fn approve(app: &TestApp, body: &Value, admin: &str, steward: &str) {
    let res = app.post_json("/api/v1/coops", body, Some(admin)).await;
    assert_eq!(res.status(), StatusCode::CREATED, "{:?}", res.text().await);
    let slug = body["slug"].as_str().unwrap();
    let res = app
        .post_json(
            &format!("/api/v1/coops/{slug}/membership"),
            &json!({"action": "approve"}),
            Some(steward),
        )
        .await;
    assert_eq!(res.status(), StatusCode::OK);
}

impl Consortium {
    pub async fn start(backend: coophub_testkit::Backend) -> Self {
        Self::start_with(backend, |_| {}).await
    }

    /// Like [`Self::start`], on a server whose settings `tweak` changes.
    pub async fn start_with(
        backend: coophub_testkit::Backend,
        tweak: impl FnOnce(&mut coophub_server::Settings),
    ) -> Self {
        let app = TestApp::spawn_with(backend, tweak).await;
        let steward = app.network_admin("steward@example.coop").await;
        let lead = app.user("lia@lead.coop").await;
        let partner = app.user("pat@partner.coop").await;
        let partner_member = app.user("mo@partner.coop").await;
        let other = app.user("oz@other.coop").await;
        let outsider = app.user("eve@example.org").await;
        approved_coop(&app, "lead-coop", &lead, &steward).await;
        let partner_body = coop_with(
            "partner-coop",
            &["Rust", "Kubernetes"],
            &["hosting"],
            (53.48, -2.24),
        );
        approve(&app, &partner_body, &partner, &steward).await;
        let other_body = coop_with("other-coop", &["Rust"], &[], (51.45, -2.59));
        approve(&app, &other_body, &other, &steward).await;
        let res = app
            .send(
                reqwest::Method::PUT,
                "/api/v1/coops/partner-coop/users",
                Some(&json!({"email": "mo@partner.coop", "role": "member"})),
                Some(&partner),
                None,
            )
            .await;
        assert!(res.status().is_success(), "{:?}", res.text().await);
        let grace = json!({"name": "Grace Hopper", "days_per_week": 4, "available_from": "2027-01-01",
                           "skills": [{"skill": "Rust", "level": 5, "interest": 5}]});
        let res = app
            .post_json("/api/v1/coops/partner-coop/people", &grace, Some(&partner))
            .await;
        assert_eq!(res.status(), StatusCode::CREATED);
        // A Contracts-Finder-shaped call for tenders: web site design (CPV
        // 72413000) asks for web design, web development or UX.
        let package = json!({"uri": "https://example.org/p", "version": "1.1",
            "publishedDate": "2026-12-01T09:00:00Z",
            "releases": [{"ocid": "ocds-b5fd17-walk-0001", "id": "ocds-b5fd17-walk-0001-1",
                "date": "2026-12-01T09:00:00Z", "tag": ["tender"], "initiationType": "tender",
                "buyer": {"id": "GB-NHS-T1", "name": "An NHS trust"},
                "tender": {"id": "walk-1", "title": "Patient records API", "status": "active",
                    "classification": {"scheme": "CPV", "id": "72413000"},
                    "value": {"amount": 120000, "currency": "GBP"},
                    "tenderPeriod": {"endDate": "2027-06-30T12:00:00Z"}}}]});
        let res = app
            .post_json("/api/v1/opportunities/import", &package, Some(&lead))
            .await;
        assert!(res.status().is_success(), "{:?}", res.text().await);
        let opportunity = res.json::<Value>().await.unwrap()["items"][0]["id"]
            .as_str()
            .unwrap()
            .to_owned();
        Self {
            app,
            lead,
            partner,
            partner_member,
            other,
            outsider,
            opportunity,
        }
    }

    /// `lead-coop` opens a bid on the opportunity with a 2% fund share.
    pub async fn open_bid(&self) -> Value {
        let body = json!({"opportunity_id": self.opportunity, "lead_coop": "lead-coop",
                          "title": "Records API consortium", "fund_bp": 200});
        let res = self
            .app
            .post_json("/api/v1/bids", &body, Some(&self.lead))
            .await;
        assert_eq!(res.status(), StatusCode::CREATED, "{:?}", res.text().await);
        res.json().await.unwrap()
    }

    /// `POST /api/v1/bids/{id}/{rest}` as `token`.
    pub async fn post(
        &self,
        bid: &Value,
        rest: &str,
        body: &Value,
        token: &str,
    ) -> reqwest::Response {
        let path = format!("/api/v1/bids/{}/{rest}", bid["id"].as_str().unwrap());
        self.app.post_json(&path, body, Some(token)).await
    }

    /// Like [`Self::post`], answering the JSON of a success.
    pub async fn ok(&self, bid: &Value, rest: &str, body: &Value, token: &str) -> Value {
        let res = self.post(bid, rest, body, token).await;
        assert!(res.status().is_success(), "{rest}: {:?}", res.text().await);
        res.json().await.unwrap()
    }

    /// The lead invites `coop` to the bid (to no role).
    pub async fn invite(&self, bid: &Value, coop: &str) -> Value {
        self.ok(bid, "invitations", &json!({"coop": coop}), &self.lead)
            .await
    }

    /// The partner's admins accept their invitation.
    pub async fn partner_joins(&self, bid: &Value) -> Value {
        let accept = json!({"accept": true});
        self.ok(
            bid,
            "invitations/partner-coop/answer",
            &accept,
            &self.partner,
        )
        .await
    }

    /// `GET /api/v1/bids/{id}` as `token`, which must succeed.
    pub async fn show(&self, bid: &Value, token: &str) -> Value {
        let res = self.get(bid, "", Some(token)).await;
        assert!(res.status().is_success(), "{:?}", res.text().await);
        res.json().await.unwrap()
    }

    /// `GET /api/v1/bids/{id}{rest}` as `token`.
    pub async fn get(&self, bid: &Value, rest: &str, token: Option<&str>) -> reqwest::Response {
        let path = format!("/api/v1/bids/{}{rest}", bid["id"].as_str().unwrap());
        self.app.get(&path, token).await
    }
}
