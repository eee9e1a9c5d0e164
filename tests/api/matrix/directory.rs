//! The directory's rows: accounts, co-ops, people, case studies, skills,
//! search, the caller's own settings and the operational routes.

use serde_json::json;

use super::{DELETE, EVERYONE, GET, PATCH, POST, PUT, Row, SIGNED_IN, row};
use crate::helpers::PASSWORD;

/// Columns: anonymous, no co-op, uninvolved co-op's admin, involved co-op's
/// admin, member, admin, network admin.
#[rustfmt::skip]
pub fn rows() -> Vec<Row> {
    // Network-only things: to the network's co-ops and network admins.
    let network = [404, 404, 200, 200, 200, 200, 200];
    // The co-op's admins, and network admins moderating the directory.
    let moderated = |status: u16| [401, 403, 403, 403, 403, status, status];
    let self_or_moderated = [401, 404, 403, 403, 200, 200, 200];
    let steward = [401, 403, 403, 403, 403, 403, 200];
    let own = |status: u16| [401, 404, 404, 404, 404, status, 404];
    let coop = json!({"slug": "{home}", "name": "Home", "summary": "A worker co-op",
                      "contact": {"url": "https://home.coop/{network_marker}"}});
    let enquiry = json!({"subject": "Hosting {n}", "message": "Could you host our site?"});
    let person = json!({"name": "Mia", "linked_user_email": "mia@home.coop",
                        "days_per_week": 2, "available_from": "2027-01-04",
                        "skills": [{"skill": "Rust", "level": 5, "interest": 5}]});
    let study = json!({"slug": "{study}", "title": "T", "client": "C", "coops": ["{home}"]});
    let new_study = json!({"slug": "matrix-told-{n}", "title": "T", "client": "C", "coops": ["{home}"]});
    let login = json!({"email": "olive@outside.org", "password": PASSWORD});
    let register = json!({"email": "new{n}@example.org", "password": PASSWORD, "name": "New"});
    let alert = json!({"name": "Rust {n}", "subject": "offers", "skills": ["rust"]});
    let password = json!({"current_password": PASSWORD, "new_password": "another long passphrase"});
    vec![
        row(POST, "/api/v1/auth/login", Some(login), EVERYONE),
        row(POST, "/api/v1/auth/register", Some(register), [201; 7]),
        row(GET, "/api/v1/coops", None, EVERYONE),
        row(POST, "/api/v1/coops", Some(json!({"slug": "matrix-made-{n}", "name": "Made {n}"})),
            [401, 201, 201, 201, 201, 201, 201]),
        row(GET, "/api/v1/coops/{home}", None, EVERYONE),
        // A co-op not (yet) approved: to the network, its own users and network admins.
        row(GET, "/api/v1/coops/{unapproved}", None, network),
        row(PUT, "/api/v1/coops/{home}", Some(coop), moderated(200)),
        row(PATCH, "/api/v1/coops/{home}", Some(json!({"summary": "Patched"})), moderated(200)),
        row(DELETE, "/api/v1/coops/{coop}", None, moderated(204)),
        row(POST, "/api/v1/coops/{coop}/membership", Some(json!({"action": "lapse"})), steward),
        row(PUT, "/api/v1/coops/{coop}/users", Some(json!({"email": "mia@home.coop", "role": "member"})),
            moderated(200)),
        // A co-op without admins: anyone signed in may ask to run it; the
        // stewards alone see the claims and decide.
        row(POST, "/api/v1/coops/{new_unclaimed}/claims", Some(json!({"message": "I run it"})),
            [401, 201, 201, 201, 201, 201, 201]),
        row(GET, "/api/v1/claims", None, steward),
        row(POST, "/api/v1/claims/{claim}/decision", Some(json!({"approve": false})), steward),
        // Anyone signed in may write to a listed co-op; its own admins read.
        row(POST, "/api/v1/coops/{home}/enquiries", Some(enquiry), [401, 201, 201, 201, 201, 201, 201]),
        row(GET, "/api/v1/coops/{home}/enquiries", None, [401, 403, 403, 403, 403, 200, 403]),
        row(GET, "/api/v1/coops/{home}/murmurations", None, EVERYONE),
        row(GET, "/api/v1/coops/{home}/people", None, EVERYONE),
        row(POST, "/api/v1/coops/{home}/people", Some(json!({"name": "Someone {n}"})), moderated(201)),
        // Mia is listed to the network only; she edits her own profile.
        row(GET, "/api/v1/people/{person}", None, network),
        row(PUT, "/api/v1/people/{person}", Some(person), self_or_moderated),
        row(PATCH, "/api/v1/people/{person}", Some(json!({"headline": "Patched"})), self_or_moderated),
        row(POST, "/api/v1/people/{person}/availability/reconfirm", None, self_or_moderated),
        row(DELETE, "/api/v1/people/{spare_person}", None, [401, 404, 403, 403, 403, 204, 204]),
        row(GET, "/api/v1/case-studies", None, EVERYONE),
        row(POST, "/api/v1/case-studies", Some(new_study), moderated(201)),
        row(GET, "/api/v1/case-studies/{study}", None, EVERYONE),
        row(PUT, "/api/v1/case-studies/{study}", Some(study), moderated(200)),
        row(PATCH, "/api/v1/case-studies/{study}", Some(json!({"title": "Patched"})), moderated(200)),
        row(DELETE, "/api/v1/case-studies/{study}", None, moderated(204)),
        // Only the credited co-op's own admins consent for it.
        row(POST, "/api/v1/case-studies/{study_pending}/consent",
            Some(json!({"coop": "{party}", "answer": "confirm"})), [401, 403, 403, 200, 403, 403, 403]),
        row(GET, "/api/v1/skills", None, EVERYONE),
        // Held by a network-only person only: not in outsiders' vocabulary.
        row(GET, "/api/v1/skills/{skill}", None, network),
        row(POST, "/api/v1/skills/{skill}/merge", Some(json!({"into": "rust"})), steward),
        row(GET, "/api/v1/search?q={marker}", None, EVERYONE),
        row(GET, "/api/v1/search/suggest?q={marker}", None, EVERYONE),
        row(GET, "/api/v1/stats", None, EVERYONE),
        row(GET, "/healthz", None, EVERYONE),
        row(GET, "/readyz", None, EVERYONE),
        row(GET, "/metrics", None, EVERYONE),
        row(GET, "/api/v1/me", None, SIGNED_IN),
        row(GET, "/api/v1/me/alerts", None, SIGNED_IN),
        row(POST, "/api/v1/me/alerts", Some(alert), [401, 201, 201, 201, 201, 201, 201]),
        row(DELETE, "/api/v1/me/alerts/{alert}", None, own(204)),
        row(POST, "/api/v1/me/deadline-feed", None, [401, 201, 201, 201, 201, 201, 201]),
        row(GET, "/api/v1/me/deadlines.ics", None, SIGNED_IN),
        row(DELETE, "/api/v1/me/deadline-feed", None, [401, 204, 204, 204, 204, 204, 204]),
        row(GET, "/api/v1/me/email", None, SIGNED_IN),
        row(PUT, "/api/v1/me/email", Some(json!({"digest": false, "immediate": true})), SIGNED_IN),
        row(GET, "/api/v1/me/notifications", None, SIGNED_IN),
        row(POST, "/api/v1/me/notifications/{notification}/read", None, own(204)),
        row(POST, "/api/v1/me/notifications/read-all", None, SIGNED_IN),
        // Authorised by the token in an email's link, not by who asks; the
        // page (a button) shows whatever the token, only the POST acts.
        row(GET, "/api/v1/email/unsubscribe?token=matrixnotatoken", None, EVERYONE),
        row(POST, "/api/v1/email/unsubscribe?token=matrixnotatoken", None, [404; 7]),
        // Last: it ends the caller's other sessions.
        row(POST, "/api/v1/me/password", Some(password), SIGNED_IN),
    ]
}
