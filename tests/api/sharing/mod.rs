//! Sharing people: offers, requests, placements. A small network shared by
//! these tests: two approved member co-ops, one that is not, and a person
//! offered by the lending co-op.

mod alerts;
mod backup;
pub(crate) mod calendar;
mod channels;
mod concurrency;
mod listings;
mod matching;
mod messages;
mod placements;
pub(crate) mod rotations;
pub(crate) mod social_good;
mod weeks;

use reqwest::StatusCode;
use serde_json::{Value, json};

use crate::coops::{approved_coop, coop};
use crate::helpers::TestApp;

/// Who is who in the sharing tests.
pub struct Network {
    pub app: TestApp,
    /// A network admin.
    pub steward: String,
    /// Admin of `lend-coop`, which offers time.
    pub lender: String,
    /// Admin of `ask-coop`, which asks for it.
    pub asker: String,
    /// Admin of `new-coop`, not (yet) an approved member.
    pub newcomer: String,
    /// Grace, of `lend-coop`, linked to her own account.
    pub grace: String,
    pub grace_id: String,
}

impl Network {
    pub async fn start(backend: coophub_testkit::Backend) -> Self {
        Self::start_with(backend, |_| {}).await
    }

    /// Like [`Self::start`], on a server whose settings `tweak` changes.
    pub async fn start_with(
        backend: coophub_testkit::Backend,
        tweak: crate::helpers::Tweak,
    ) -> Self {
        let app = TestApp::spawn_with(backend, tweak).await;
        let steward = app.network_admin("steward@example.coop").await;
        let lender = app.user("lena@lend.coop").await;
        let asker = app.user("ash@ask.coop").await;
        let newcomer = app.user("nia@new.coop").await;
        let grace = app.user("grace@lend.coop").await;
        approved_coop(&app, "lend-coop", &lender, &steward).await;
        approved_coop(&app, "ask-coop", &asker, &steward).await;
        let res = app
            .post_json("/api/v1/coops", &coop("new-coop"), Some(&newcomer))
            .await;
        assert_eq!(res.status(), StatusCode::CREATED);
        let person = json!({"name": "Grace Hopper", "linked_user_email": "grace@lend.coop",
                            "skills": [{"skill": "Rust", "level": 5, "interest": 5}]});
        let res = app
            .post_json("/api/v1/coops/lend-coop/people", &person, Some(&lender))
            .await;
        assert_eq!(res.status(), StatusCode::CREATED);
        let grace_id = res.json::<Value>().await.unwrap()["id"]
            .as_str()
            .unwrap()
            .to_owned();
        Self {
            app,
            steward,
            lender,
            asker,
            newcomer,
            grace,
            grace_id,
        }
    }

    /// Offers `days` a week of Grace (or of a role when `named` is false)
    /// from 2027-01-04 to 2027-03-28; answers the offer.
    pub async fn offer(&self, days: f64, named: bool) -> Value {
        let res = self
            .app
            .post_json(
                "/api/v1/offers",
                &self.offer_body(days, named),
                Some(&self.lender),
            )
            .await;
        assert_eq!(res.status(), StatusCode::CREATED);
        res.json().await.unwrap()
    }

    /// What [`Self::offer`] sends.
    pub fn offer_body(&self, days: f64, named: bool) -> Value {
        let mut body = json!({
            "coop": "lend-coop",
            "title": "Rust developer",
            "skills": [{"skill": "rust", "level": 5}, {"skill": "postgres", "level": 3}],
            "days_per_week": days,
            "start": "2027-01-04",
            "end": "2027-03-28",
            "work_mode": "remote",
            "day_rate": {"amount": 45000, "currency": "GBP"},
            "robin_hood_rate": {"amount": 30000, "currency": "GBP"},
        });
        if named {
            body["person_id"] = json!(self.grace_id);
        }
        body
    }

    /// `ask-coop` asks `offer` for `days` a week from `start` to `end`.
    pub async fn ask(&self, offer: &Value, days: f64, start: &str, end: &str) -> reqwest::Response {
        let body = json!({"requesting_coop": "ask-coop", "days_per_week": days,
                          "start": start, "end": end, "message": "Can we borrow her?"});
        let path = format!(
            "/api/v1/offers/{}/placements",
            offer["id"].as_str().unwrap()
        );
        self.app.post_json(&path, &body, Some(&self.asker)).await
    }

    /// Like [`Self::ask`], answering the new placement.
    pub async fn placement(&self, offer: &Value, days: f64, start: &str, end: &str) -> Value {
        let res = self.ask(offer, days, start, end).await;
        assert_eq!(res.status(), StatusCode::CREATED);
        res.json().await.unwrap()
    }

    /// `POST /api/v1/placements/{id}/{action}` as `token`, with `body`.
    pub async fn act(
        &self,
        placement: &Value,
        action: &str,
        body: Option<Value>,
        token: &str,
    ) -> reqwest::Response {
        let path = format!(
            "/api/v1/placements/{}/{action}",
            placement["id"].as_str().unwrap()
        );
        let body = body.unwrap_or_else(|| json!({"reason": "Plans changed"}));
        let with_body = matches!(action, "decline" | "cancel");
        self.app
            .send(
                reqwest::Method::POST,
                &path,
                with_body.then_some(&body),
                Some(token),
                None,
            )
            .await
    }
}
