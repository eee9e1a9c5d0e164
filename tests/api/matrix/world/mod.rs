//! The network the authorisation matrix is walked in: one co-op ("home")
//! with an admin and a member, a co-op involved with it ("party": consortium
//! partner, the co-op asking for a placement, the other side of a swap, a
//! co-credited case study), an uninvolved co-op, a signed-in user of no
//! co-op and a network admin; and a fresh thing of any kind on demand, so
//! a row that changes or removes its target never spoils the next caller.

use std::collections::HashMap;

use coophub_testkit::receiver::Receiver;
use reqwest::{Method, StatusCode};
use serde_json::{Value, json};

use crate::coops::approved_coop;
use crate::helpers::TestApp;

mod things;

use things::{FRESH_KINDS, RENEWED_KINDS, id};

pub const HOME: &str = "matrix-home";
pub const PARTY: &str = "matrix-party";
pub const OTHER: &str = "matrix-other";
/// Where the uninvolved co-op's webhook listens.
const UNINVOLVED_HOOK: &str = "/uninvolved";
/// In the text of every private thing; never in an answer to a caller who
/// may not see it, whatever the route.
pub const MARKER: &str = "Quokkasecret";
/// In the text of every thing for the network's members only (contact
/// details); never in an answer to a caller outside the network.
pub const NETWORK_MARKER: &str = "Numbatnetwork";
/// Emails of the callers that have accounts, in the matrix's column order
/// (the first column is anonymous).
pub const EMAILS: [&str; 6] = [
    "olive@outside.org",
    "otto@other.coop",
    "pat@party.coop",
    "mia@home.coop",
    "ada@home.coop",
    "steward@example.coop",
];
/// Columns: who calls.
pub const CALLERS: [&str; 7] = [
    "anonymous",
    "user of no co-op",
    "admin of an uninvolved co-op",
    "admin of the involved co-op (consortium partner)",
    "member of the co-op",
    "admin of the co-op",
    "network admin",
];
const MEMBER: usize = 4;
const ADMIN: usize = 5;
const PARTY_ADMIN: usize = 3;
const STEWARD: usize = 6;

/// The network and the current thing of each kind.
pub struct World {
    pub app: TestApp,
    /// One token per column; `None` for anonymous.
    pub tokens: [Option<String>; 7],
    ids: HashMap<String, String>,
    made: u32,
    receiver: Receiver,
}

impl World {
    pub async fn build(app: TestApp) -> Self {
        let mut tokens: [Option<String>; 7] = Default::default();
        tokens[STEWARD] = Some(app.network_admin(EMAILS[5]).await);
        for (column, email) in EMAILS.iter().enumerate().take(5) {
            tokens[column + 1] = Some(app.user(email).await);
        }
        let receiver = Receiver::start();
        let mut world = Self {
            app,
            tokens,
            ids: HashMap::new(),
            made: 0,
            receiver,
        };
        let steward = world.token(STEWARD);
        approved_coop(&world.app, HOME, &world.token(ADMIN), &steward).await;
        approved_coop(&world.app, PARTY, &world.token(PARTY_ADMIN), &steward).await;
        approved_coop(&world.app, OTHER, &world.token(2), &steward).await;
        world.add_member(HOME).await;
        world.private_contacts().await;
        let mia = json!({"name": "Mia", "linked_user_email": EMAILS[3],
                         "days_per_week": 2, "available_from": "2027-01-04",
                         "skills": [{"skill": "Rust", "level": 5, "interest": 5}]});
        let person = world.ok(ADMIN, "/api/v1/coops/{home}/people", mia).await;
        world.ids.insert("person".into(), id(&person));
        let pat = json!({"name": "Pat", "linked_user_email": EMAILS[2],
                         "skills": [{"skill": "Elm", "level": 5, "interest": 5}]});
        let person = world
            .ok(PARTY_ADMIN, "/api/v1/coops/{party}/people", pat)
            .await;
        world.ids.insert("party_person".into(), id(&person));
        world.fixed_things().await;
        for kind in RENEWED_KINDS {
            world.renew(kind).await;
        }
        world
    }

    /// Things every row may share, made once.
    async fn fixed_things(&mut self) {
        let package = json!({"uri": "https://example.org/p", "version": "1.1",
            "publishedDate": "2026-12-01T09:00:00Z",
            "releases": [{"ocid": "ocds-b5fd17-matrix-1", "id": "ocds-b5fd17-matrix-1-1",
                "date": "2026-12-01T09:00:00Z", "tag": ["tender"], "initiationType": "tender",
                "buyer": {"id": "GB-T1", "name": "A council"},
                "tender": {"id": "matrix-1", "title": "Records API", "status": "active",
                    "value": {"amount": 120000, "currency": "GBP"},
                    "tenderPeriod": {"endDate": "2027-06-30T12:00:00Z"}}}]});
        let imported = self
            .ok(ADMIN, "/api/v1/opportunities/import", package)
            .await;
        self.ids
            .insert("opportunity".into(), id(&imported["items"][0]));
        let good = json!({"coop": PARTY, "title": "Food bank rota", "days_per_week": 1,
                          "start": "2027-02-01", "end": "2027-04-30",
                          "project_kind": "social_good"});
        let good = self.ok(PARTY_ADMIN, "/api/v1/requests", good).await;
        self.ids.insert("social_good_request".into(), id(&good));
        let year = crate::fund::open_year(&self.app, &self.token(STEWARD), "Hosting").await;
        self.ids.insert("year".into(), year.to_string());
        // Enough for every invoice the callers make against it.
        let pledge = json!({"coop": HOME, "amount": {"amount": 10_000_000, "currency": "GBP"}});
        self.ok(ADMIN, "/api/v1/fund/years/{year}/pledges", pledge)
            .await;
        let hook = json!({"url": self.receiver.url("/hook"), "events": ["placement.requested"]});
        let hook = self.ok(ADMIN, "/api/v1/coops/{home}/webhooks", hook).await;
        self.ids.insert("hooked".into(), id(&hook));
        // An event for the webhook and a notification for the admin.
        self.renew("placement_asked").await;
        let attempted = |message: &Value| {
            message["attempts"]
                .as_array()
                .is_some_and(|a| !a.is_empty())
        };
        let log = crate::webhooks::log_until(&self.app, &self.token(ADMIN), &hook, attempted).await;
        self.ids.insert("delivery".into(), id(&log["items"][0]));
        let inbox = self
            .app
            .get_json("/api/v1/me/notifications", self.tokens[ADMIN].as_deref())
            .await;
        self.ids
            .insert("notification".into(), id(&inbox["items"][0]));
        // The uninvolved co-op hears of everything that names it, and of
        // one thing for certain: an invitation to a bid of its own.
        let everything = json!({"url": self.receiver.url(UNINVOLVED_HOOK),
                                "events": coophub_domain::notify::EventKind::NAMES});
        self.ok(2, "/api/v1/coops/{other}/webhooks", everything)
            .await;
        let body =
            json!({"opportunity_id": "{opportunity}", "lead_coop": HOME, "title": "Open call"});
        let bid = id(&self.ok(ADMIN, "/api/v1/bids", body).await);
        let invite = json!({"coop": OTHER});
        self.ok(ADMIN, &format!("/api/v1/bids/{bid}/invitations"), invite)
            .await;
    }

    /// The bodies of what the uninvolved co-op's webhook was sent, once it
    /// has had at least the invitation and no message is left waiting.
    pub async fn uninvolved_heard(&self) -> Vec<String> {
        for _ in 0..200 {
            let heard = self.receiver.received();
            if heard.iter().any(|r| r.path == UNINVOLVED_HOOK) {
                break;
            }
            actix_web::rt::time::sleep(std::time::Duration::from_millis(50)).await;
        }
        crate::webhooks::outbox_drained(&self.app).await;
        let heard: Vec<String> = self
            .receiver
            .received()
            .into_iter()
            .filter(|r| r.path == UNINVOLVED_HOOK)
            .map(|r| String::from_utf8_lossy(&r.body).into_owned())
            .collect();
        assert!(
            !heard.is_empty(),
            "the uninvolved co-op's webhook was never called"
        );
        heard
    }

    pub fn token(&self, column: usize) -> String {
        self.tokens[column].clone().unwrap_or_default()
    }

    /// `template` with every `{kind}` replaced by the current thing of that
    /// kind, `{n}` by a number not used before, `{marker}` by [`MARKER`],
    /// `{network_marker}` by [`NETWORK_MARKER`], and
    /// `{new_kind}` by a thing made for this call alone (see [`Self::prepare`]).
    pub fn fill(&self, template: &str) -> String {
        let mut out = template
            .replace("{marker}", MARKER)
            .replace("{network_marker}", NETWORK_MARKER)
            .replace("{home}", HOME)
            .replace("{party}", PARTY)
            .replace("{other}", OTHER)
            .replace("{n}", &self.made.to_string());
        for (kind, value) in &self.ids {
            out = out.replace(&format!("{{{kind}}}"), value);
        }
        out
    }

    /// A body template filled like a path; `"{year}"` and `"{next_year}"`
    /// become numbers.
    pub fn fill_body(&self, body: &Value) -> Value {
        let year: i32 = self.ids.get("year").map_or(0, |year| year.parse().unwrap());
        let text = body
            .to_string()
            .replace("\"{year}\"", &year.to_string())
            .replace("\"{next_year}\"", &(year + 1).to_string());
        serde_json::from_str(&self.fill(&text)).unwrap()
    }

    /// The path and body of a call, after making the things they ask for
    /// fresh (`{new_kind}`).
    pub async fn prepare(&mut self, path: &str, body: Option<&Value>) -> (String, Option<Value>) {
        self.made += 1;
        let templates = format!("{path} {}", body.map(Value::to_string).unwrap_or_default());
        for kind in FRESH_KINDS {
            if templates.contains(&format!("{{new_{kind}}}")) {
                self.renew(kind).await;
                let value = self.ids[kind].clone();
                self.ids.insert(format!("new_{kind}"), value);
            }
        }
        (self.fill(path), body.map(|b| self.fill_body(b)))
    }

    /// POSTs `body` (a template too) to `path` as `column`, which must succeed.
    async fn ok(&self, column: usize, path: &str, body: Value) -> Value {
        let path = self.fill(path);
        let body = self.fill_body(&body);
        let res = self
            .app
            .post_json(&path, &body, self.tokens[column].as_deref())
            .await;
        let status = res.status();
        let text = res.text().await.unwrap();
        assert!(status.is_success(), "setting up {path}: {status} {text}");
        serde_json::from_str(&text).unwrap_or(Value::Null)
    }

    /// Contact details for the network only: the home co-op's, and those of
    /// a public person of it (whose profile outsiders see, but not how to
    /// reach her).
    async fn private_contacts(&self) {
        let contact = json!({"contact": {"url": format!("https://home.coop/{NETWORK_MARKER}")}});
        let res = self
            .app
            .send(
                Method::PATCH,
                &format!("/api/v1/coops/{HOME}"),
                Some(&contact),
                self.tokens[ADMIN].as_deref(),
                None,
            )
            .await;
        assert_eq!(res.status(), StatusCode::OK, "{:?}", res.text().await);
        let pia = json!({"name": "Pia", "visibility": "public",
                         "contact": {"url": "https://home.coop/{network_marker}/pia"}});
        self.ok(ADMIN, "/api/v1/coops/{home}/people", pia).await;
    }

    async fn add_member(&self, slug: &str) {
        let role = json!({"email": EMAILS[3], "role": "member"});
        let res = self
            .app
            .send(
                Method::PUT,
                &format!("/api/v1/coops/{slug}/users"),
                Some(&role),
                self.tokens[ADMIN].as_deref(),
                None,
            )
            .await;
        assert_eq!(res.status(), StatusCode::OK, "{:?}", res.text().await);
    }
}
