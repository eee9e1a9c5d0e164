//! Making a fresh thing of each kind the rows act on.

use chrono::{Days, NaiveDate};
use reqwest::Method;
use serde_json::{Value, json};

use super::{ADMIN, HOME, MEMBER, PARTY, PARTY_ADMIN, STEWARD, World};
use crate::coops::{approved_coop, coop};

impl World {
    /// Replaces the current thing of `kind` by a new one (nothing for kinds
    /// that are made once).
    pub async fn renew(&mut self, kind: &str) {
        self.made += 1;
        let value = match kind {
            "coop" => {
                let slug = self.fill("matrix-scratch-{n}");
                let steward = self.token(STEWARD);
                approved_coop(&self.app, &slug, &self.token(ADMIN), &steward).await;
                self.add_member(&slug).await;
                slug
            }
            "unclaimed" => {
                let slug = self.fill("matrix-unclaimed-{n}");
                crate::claims::unclaimed_coop(&self.app, &slug, "https://unclaimed.example").await;
                slug
            }
            "claim" => {
                let slug = self.fill("matrix-claimed-{n}");
                crate::claims::unclaimed_coop(&self.app, &slug, "https://claimed.example").await;
                let body = json!({"message": "I run it, {marker}"});
                id(&self
                    .ok(1, &format!("/api/v1/coops/{slug}/claims"), body)
                    .await)
            }
            "unapproved" => {
                let slug = self.fill("matrix-applying-{n}");
                self.ok(ADMIN, "/api/v1/coops", coop(&slug)).await;
                slug
            }
            "spare_person" => {
                let body = json!({"name": "Spare {n}"});
                id(&self.ok(ADMIN, "/api/v1/coops/{home}/people", body).await)
            }
            "skill" => {
                // Letters only: digits at the end of a skill's name are read
                // as a version and dropped from its slug.
                let tag: String = self
                    .made
                    .to_string()
                    .bytes()
                    .map(|d| char::from(b'a' + d - b'0'))
                    .collect();
                let body = json!({"name": "Skilled {n}",
                                  "skills": [{"skill": format!("Matrix {tag}"), "level": 3, "interest": 3}]});
                self.ok(ADMIN, "/api/v1/coops/{home}/people", body).await;
                format!("matrix-{tag}")
            }
            "study" => {
                let body = json!({"slug": "matrix-study-{n}", "title": "T", "client": "C", "coops": [HOME]});
                self.ok(ADMIN, "/api/v1/case-studies", body).await["slug"]
                    .as_str()
                    .unwrap()
                    .to_owned()
            }
            "study_pending" => {
                let body = json!({"slug": "matrix-credit-{n}", "title": "T", "client": "C",
                                  "coops": [HOME, PARTY]});
                self.ok(ADMIN, "/api/v1/case-studies", body).await["slug"]
                    .as_str()
                    .unwrap()
                    .to_owned()
            }
            "offer" => id(&self.offer().await),
            "request" => {
                let body = json!({"coop": HOME, "title": "Audit", "days_per_week": 1,
                                  "start": "2027-01-04", "end": "2027-01-29"});
                id(&self.ok(ADMIN, "/api/v1/requests", body).await)
            }
            "placement_asked" => self.ask().await,
            "placement_accepted" => {
                let placement = self.ask().await;
                self.act(ADMIN, &placement, "accept").await;
                placement
            }
            "placement_started" => {
                let placement = self.ask().await;
                self.act(ADMIN, &placement, "accept").await;
                self.act(ADMIN, &placement, "start").await;
                placement
            }
            "rotation" => self.rotate(MEMBER, "person", "elm").await,
            "party_rotation" => self.rotate(PARTY_ADMIN, "party_person", "rust").await,
            "proposal" => {
                let rotation = self.rotate(MEMBER, "person", "elm").await;
                let path = format!("/api/v1/rotations/{rotation}/social-good");
                let body = json!({"request_id": "{social_good_request}"});
                id(&self.ok(MEMBER, &path, body).await)
            }
            "swap" => {
                let mine = self.rotate(MEMBER, "person", "elm").await;
                let theirs = self.rotate(PARTY_ADMIN, "party_person", "rust").await;
                let body = json!({"with_rotation_id": theirs});
                id(&self
                    .ok(MEMBER, &format!("/api/v1/rotations/{mine}/swaps"), body)
                    .await)
            }
            "feed" => id(&self
                .ok(ADMIN, "/api/v1/coops/{home}/calendar-feeds", json!({}))
                .await),
            "webhook" => {
                let body = json!({"url": self.receiver.url("/other"), "events": ["bid.invited"],
                                  "description": "{marker} CRM"});
                id(&self.ok(ADMIN, "/api/v1/coops/{home}/webhooks", body).await)
            }
            "alert" => {
                let body =
                    json!({"name": "{marker} people {n}", "subject": "offers", "skills": ["rust"]});
                id(&self.ok(ADMIN, "/api/v1/me/alerts", body).await)
            }
            "bid" | "bid_invited" | "bid_go" | "bid_submitted" | "bid_won" => {
                return self.bid(kind).await;
            }
            "invoice" => {
                let today = crate::fund::day(&self.app, 0);
                let body = json!({"coop": HOME, "number": "M-{n}", "amount": 10000,
                                  "issued_on": today, "due_on": crate::fund::day(&self.app, 30)});
                id(&self
                    .ok(STEWARD, "/api/v1/fund/years/{year}/invoices", body)
                    .await)
            }
            _ => return,
        };
        self.ids.insert(kind.to_owned(), value);
    }

    /// A role home offers (no person named, so that however many rows
    /// renew it, nobody's week fills).
    async fn offer(&self) -> Value {
        let body = json!({"coop": HOME, "title": "Rust developer",
            "skills": [{"skill": "rust", "level": 5}], "days_per_week": 3,
            "start": "2027-01-04", "end": "2027-03-28", "work_mode": "remote",
            "day_rate": {"amount": 45000, "currency": "GBP"}});
        self.ok(ADMIN, "/api/v1/offers", body).await
    }

    /// The party asks home for Mia a day a week, over four weeks of her own
    /// for each thing made: her offers may not promise more than her week.
    async fn ask(&self) -> String {
        let start =
            NaiveDate::from_ymd_opt(2027, 1, 4).unwrap() + Days::new(28 * u64::from(self.made));
        let end = start + Days::new(27);
        let offer = json!({"coop": HOME, "person_id": "{person}", "title": "Rust developer",
            "skills": [{"skill": "rust", "level": 5}], "days_per_week": 1,
            "start": start, "end": end, "work_mode": "remote"});
        let offer = id(&self.ok(ADMIN, "/api/v1/offers", offer).await);
        let body = json!({"requesting_coop": PARTY, "days_per_week": 1,
                          "start": start, "end": end,
                          "message": "{marker}: can we borrow her?"});
        let path = format!("/api/v1/offers/{offer}/placements");
        let placement = id(&self.ok(PARTY_ADMIN, &path, body).await);
        let said = json!({"text": "{marker}: she is free from the 4th"});
        let path = format!("/api/v1/placements/{placement}/messages");
        self.ok(ADMIN, &path, said).await;
        placement
    }

    async fn act(&self, column: usize, placement: &str, action: &str) {
        let path = format!("/api/v1/placements/{placement}/{action}");
        let res = self
            .app
            .send(
                Method::POST,
                &path,
                None,
                self.tokens[column].as_deref(),
                None,
            )
            .await;
        assert!(res.status().is_success(), "{path}: {:?}", res.text().await);
    }

    async fn rotate(&self, column: usize, person: &str, wanted: &str) -> String {
        let body = json!({"person_id": format!("{{{person}}}"), "wanted_skills": [wanted],
                          "days_per_week": 2, "start": "2027-02-01", "end": "2027-04-30",
                          "suggest_me": true, "notes": "{marker}: worn down"});
        id(&self.ok(column, "/api/v1/rotations", body).await)
    }

    /// A bid of home's with the party invited, then joined, with a role and
    /// a section, and moved on to the stage `kind` names.
    async fn bid(&mut self, kind: &str) {
        // A won bid becomes a public case study under its title.
        let title = if kind == "bid_won" {
            "Won together {n}"
        } else {
            "{marker} consortium {n}"
        };
        let body = json!({"opportunity_id": "{opportunity}", "lead_coop": HOME, "title": title});
        let bid = id(&self.ok(ADMIN, "/api/v1/bids", body).await);
        let at = |rest: &str| format!("/api/v1/bids/{bid}/{rest}");
        let invitation = json!({"coop": PARTY, "message": "{marker} join us {n}"});
        self.ok(ADMIN, &at("invitations"), invitation).await;
        if kind == "bid_invited" {
            self.ids.insert(kind.to_owned(), bid);
            return;
        }
        let answer = at(&format!("invitations/{PARTY}/answer"));
        self.ok(PARTY_ADMIN, &answer, json!({"accept": true})).await;
        let said = json!({"text": "{marker} our price {n}"});
        self.ok(PARTY_ADMIN, &at("messages"), said).await;
        let role = json!({"title": "Backend", "effort_days": 5});
        self.ok(ADMIN, &at("roles"), role).await;
        let shown = self
            .ok(ADMIN, &at("sections"), json!({"title": "Approach"}))
            .await;
        if kind == "bid" {
            self.ids.insert("role".into(), id(&shown["roles"][0]));
            self.ids.insert("section".into(), id(&shown["sections"][0]));
            self.ids.insert(kind.to_owned(), bid);
            return;
        }
        self.ok(ADMIN, &at("decision"), json!({"go": true})).await;
        if kind != "bid_go" {
            self.ok(ADMIN, &at("submit"), json!({"confirm": true}))
                .await;
        }
        if kind == "bid_won" {
            self.ok(ADMIN, &at("win"), json!({})).await;
        }
        self.ids.insert(kind.to_owned(), bid);
    }
}

/// Kinds rows act on and may use up, each made again after a success.
pub(super) const RENEWED_KINDS: [&str; 25] = [
    "coop",
    "claim",
    "unapproved",
    "spare_person",
    "skill",
    "study",
    "study_pending",
    "offer",
    "request",
    "placement_asked",
    "placement_accepted",
    "placement_started",
    "rotation",
    "party_rotation",
    "swap",
    "proposal",
    "feed",
    "webhook",
    "alert",
    "bid",
    "bid_invited",
    "bid_go",
    "bid_submitted",
    "bid_won",
    "invoice",
];

/// Kinds a template may ask to be made for one call (`{new_kind}`).
pub(super) const FRESH_KINDS: [&str; 4] = ["party_rotation", "unapproved", "feed", "unclaimed"];

pub(super) fn id(value: &Value) -> String {
    value["id"]
        .as_str()
        .unwrap_or_else(|| panic!("no id in {value}"))
        .to_owned()
}
