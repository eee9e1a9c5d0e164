//! Every bid route, walked by everyone who might call it: a bid is its
//! consortium's business (404 for everyone else, in no list, count or
//! search), an invited co-op's admins see it without its rates, and only
//! the lead's admins change it.

use coophub_testkit::{Backend, backend_tests};
use reqwest::Method;
use serde_json::{Value, json};

use super::Consortium;

backend_tests!(every_bid_route_answers_each_caller_as_the_rules_say,);

/// Who calls, in this order in every row below.
const CALLERS: [&str; 6] = [
    "anonymous",
    "outsider",
    "other-coop admin",
    "partner member",
    "partner admin (invited)",
    "lead admin",
];

async fn every_bid_route_answers_each_caller_as_the_rules_say(backend: Backend) {
    let net = Consortium::start(backend).await;
    let marker = "Zanzibarquux";
    let body = json!({"opportunity_id": net.opportunity, "lead_coop": "lead-coop",
                      "title": format!("{marker} consortium")});
    let res = net
        .app
        .post_json("/api/v1/bids", &body, Some(&net.lead))
        .await;
    let bid: Value = res.json().await.unwrap();
    let bid = net
        .ok(
            &bid,
            "roles",
            &json!({"title": "Backend", "effort_days": 5}),
            &net.lead,
        )
        .await;
    let bid = net
        .ok(&bid, "sections", &json!({"title": "Approach"}), &net.lead)
        .await;
    let bid = net
        .ok(
            &bid,
            "invitations",
            &json!({"coop": "partner-coop"}),
            &net.lead,
        )
        .await;
    let id = bid["id"].as_str().unwrap();
    let role = bid["roles"][0]["id"].as_str().unwrap();
    let section = bid["sections"][0]["id"].as_str().unwrap();
    let tokens = [
        None,
        Some(net.outsider.as_str()),
        Some(net.other.as_str()),
        Some(net.partner_member.as_str()),
        Some(net.partner.as_str()),
        Some(net.lead.as_str()),
    ];
    let opening =
        json!({"opportunity_id": net.opportunity, "lead_coop": "lead-coop", "title": "Another"});
    let role_body = json!({"title": "More", "effort_days": 1});
    let section_body = json!({"title": "Approach", "status": "drafting"});
    let decision = json!({"go": true});
    let terms = json!({"title": "Renamed"});
    let invite = json!({"coop": "other-coop"});
    // Statuses per caller; the lead's column last, as rows may change the
    // bid. Once invited, the other co-op's admins see the bid (403, not 404).
    let rows: Vec<(Method, String, Option<Value>, [u16; 6])> = vec![
        (
            Method::POST,
            "/api/v1/bids".into(),
            Some(opening),
            [401, 403, 403, 403, 403, 201],
        ),
        (
            Method::GET,
            format!("/api/v1/bids/{id}"),
            None,
            [404, 404, 404, 404, 200, 200],
        ),
        (
            Method::GET,
            format!("/api/v1/bids/{id}/gaps"),
            None,
            [404, 404, 404, 404, 403, 200],
        ),
        (
            Method::GET,
            format!("/api/v1/bids/{id}/shares"),
            None,
            [404, 404, 404, 404, 403, 200],
        ),
        (
            Method::GET,
            format!("/api/v1/bids/{id}/ocds"),
            None,
            [404, 404, 404, 404, 403, 200],
        ),
        (
            Method::GET,
            format!("/api/v1/bids/{id}/roles/{role}/suggestions"),
            None,
            [404, 404, 404, 404, 403, 200],
        ),
        (
            Method::PUT,
            format!("/api/v1/bids/{id}/terms"),
            Some(terms),
            [401, 404, 404, 404, 403, 200],
        ),
        (
            Method::POST,
            format!("/api/v1/bids/{id}/roles"),
            Some(role_body),
            [401, 404, 404, 404, 403, 201],
        ),
        (
            Method::POST,
            format!("/api/v1/bids/{id}/sections"),
            Some(section_body.clone()),
            [401, 404, 404, 404, 403, 201],
        ),
        (
            Method::PUT,
            format!("/api/v1/bids/{id}/sections/{section}"),
            Some(section_body),
            [401, 404, 404, 404, 403, 200],
        ),
        (
            Method::POST,
            format!("/api/v1/bids/{id}/invitations"),
            Some(invite),
            [401, 404, 404, 404, 403, 201],
        ),
        (
            Method::POST,
            format!("/api/v1/bids/{id}/case-study"),
            Some(json!({})),
            [401, 404, 403, 404, 403, 409],
        ),
        (
            Method::POST,
            format!("/api/v1/bids/{id}/submit"),
            None,
            [401, 404, 403, 404, 403, 409],
        ),
        (
            Method::POST,
            format!("/api/v1/bids/{id}/win"),
            None,
            [401, 404, 403, 404, 403, 409],
        ),
        (
            Method::POST,
            format!("/api/v1/bids/{id}/lose"),
            None,
            [401, 404, 403, 404, 403, 409],
        ),
        (
            Method::POST,
            format!("/api/v1/bids/{id}/decision"),
            Some(decision),
            [401, 404, 403, 404, 403, 200],
        ),
        (
            Method::POST,
            format!("/api/v1/bids/{id}/withdraw"),
            None,
            [401, 404, 403, 404, 403, 200],
        ),
    ];
    for (method, path, body, wanted) in rows {
        for ((caller, token), status) in CALLERS.iter().zip(tokens).zip(wanted) {
            let res = net
                .app
                .send(method.clone(), &path, body.as_ref(), token, None)
                .await;
            assert_eq!(
                res.status().as_u16(),
                status,
                "{method} {path} as {caller}: {:?}",
                res.text().await
            );
        }
    }
    // The answer to an invitation: only the invited co-op's admins.
    let answer = format!("/api/v1/bids/{id}/invitations/partner-coop/answer");
    let accept = json!({"accept": true});
    for ((caller, token), status) in CALLERS
        .iter()
        .zip(tokens)
        .zip([401, 404, 403, 404, 409, 403])
    {
        let res = net
            .app
            .send(Method::POST, &answer, Some(&accept), token, None)
            .await;
        assert_eq!(
            res.status().as_u16(),
            status,
            "answer as {caller}: {:?}",
            res.text().await
        );
    }

    // Lists and counts: only the consortium and invited admins see it.
    for (caller, token, total) in [
        ("outsider", &net.outsider, 0),
        ("other-coop admin", &net.other, 1),
        ("partner member", &net.partner_member, 0),
        ("lead admin", &net.lead, 2),
    ] {
        let list = net.app.get_json("/api/v1/bids", Some(token)).await;
        assert_eq!(list["total"], total, "{caller}: {list}");
    }
    // Nor does any search channel carry it.
    for token in [None, Some(net.other.as_str()), Some(net.lead.as_str())] {
        let found = net
            .app
            .get_json(&format!("/api/v1/search?q={marker}"), token)
            .await;
        assert_eq!(found["total"], 0, "{found}");
        let suggested = net
            .app
            .get(&format!("/api/v1/search/suggest?q={marker}"), token)
            .await;
        assert!(!suggested.text().await.unwrap().contains(marker));
    }
}
