//! The walk-through of a bid: from a tender to a won bid that becomes a
//! case study, with roles, sections, suggestions, partners, gaps and shares;
//! and the bid's life refusing what it must.

use chrono::Datelike;
use coophub_domain::Clock;
use coophub_testkit::{Backend, backend_tests};
use reqwest::StatusCode;
use serde_json::{Value, json};

use super::Consortium;
use crate::helpers::assert_problem;

backend_tests!(
    a_tender_becomes_a_won_bid_and_a_case_study,
    a_bid_refuses_moves_out_of_turn_and_submissions_after_the_deadline,
    a_bid_is_in_no_list_count_or_search_outside_its_consortium,
);

fn slugs<'a>(items: &'a Value, field: &str) -> Vec<&'a str> {
    items
        .as_array()
        .unwrap()
        .iter()
        .map(|item| item[field]["slug"].as_str().unwrap())
        .collect()
}

fn role<'a>(bid: &'a Value, title: &str) -> &'a Value {
    bid["roles"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["title"] == title)
        .unwrap()
}

async fn a_tender_becomes_a_won_bid_and_a_case_study(backend: Backend) {
    let net = Consortium::start(backend).await;
    let app = &net.app;

    // The tender is among the lead co-op's ranked opportunities (it does UX).
    let ranked = app
        .get_json("/api/v1/coops/lead-coop/opportunities", None)
        .await;
    assert_eq!(
        ranked["items"][0]["opportunity"]["id"],
        net.opportunity.as_str()
    );

    let bid = net.open_bid().await;
    assert_eq!(bid["state"], "forming");
    assert_eq!(slugs(&bid["members"], "coop"), ["lead-coop"]);
    assert_eq!(
        bid["value"],
        json!({"amount": 12_000_000, "currency": "GBP"})
    );
    assert_eq!(
        (bid["lead_premium_bp"].as_u64(), bid["fund_bp"].as_u64()),
        (Some(500), Some(200))
    );

    let backend_role = json!({"title": "Backend", "skills": [{"skill": "Rust", "min_level": 4}],
                              "effort_days": 40, "start": "2027-07-01", "end": "2027-09-30",
                              "day_rate": 50_000});
    net.ok(&bid, "roles", &backend_role, &net.lead).await;
    let design = json!({"title": "Design", "skills": [{"skill": "UX", "min_level": 3}],
                        "effort_days": 10, "day_rate": 40_000, "coop": "lead-coop"});
    let bid = net.ok(&bid, "roles", &design, &net.lead).await;
    let backend_id = role(&bid, "Backend")["id"].as_str().unwrap().to_owned();
    assert_eq!(role(&bid, "Design")["coop"]["slug"], "lead-coop");

    // Sections, one due soon: late once its day has passed, unless done.
    let section =
        json!({"title": "Technical approach", "owner_coop": "lead-coop", "due": "2026-12-10"});
    let bid = net.ok(&bid, "sections", &section, &net.lead).await;
    assert_eq!(bid["sections"][0]["late"], false);
    net.app.clock.advance(chrono::Duration::days(10));
    let shown = net.show(&bid, &net.lead).await;
    assert_eq!(shown["sections"][0]["late"], true);

    // The tender's skills and the roles': the lead covers web development and
    // UX, which shows what the tender's code asks for (web design being
    // another way to show it is no gap); nobody does Rust yet (a gap, with
    // co-ops that could).
    let gaps = net
        .get(&bid, "/gaps", Some(&net.lead))
        .await
        .json::<Value>()
        .await
        .unwrap();
    let gap_skills = |gaps: &Value| -> Vec<String> {
        gaps["gaps"]
            .as_array()
            .unwrap()
            .iter()
            .map(|g| g["skill"].as_str().unwrap().to_owned())
            .collect()
    };
    assert_eq!(gap_skills(&gaps), ["rust"], "{gaps}");
    let could = |skill: &str| -> Vec<String> {
        let gap = gaps["gaps"]
            .as_array()
            .unwrap()
            .iter()
            .find(|g| g["skill"] == skill)
            .unwrap();
        gap["suggested"]
            .as_array()
            .unwrap()
            .iter()
            .map(|c| c["slug"].as_str().unwrap().to_owned())
            .collect()
    };
    assert_eq!(
        could("rust"),
        ["partner-coop", "other-coop"],
        "most evidence first"
    );

    // Suggestions name the co-ops with Rust: the partner first (its people
    // hold it at level 5 and have time, it is nearer, it shares experience).
    let path = format!("/roles/{backend_id}/suggestions");
    let suggested = net
        .get(&bid, &path, Some(&net.lead))
        .await
        .json::<Value>()
        .await
        .unwrap();
    assert_eq!(
        slugs(&suggested["items"], "coop"),
        ["partner-coop", "other-coop"],
        "{suggested}"
    );
    let first = &suggested["items"][0];
    assert_eq!(first["at_level"], json!(["rust"]));
    assert_eq!(first["people"][0]["person"]["name"], "Grace Hopper");
    assert!(first["available_days"].as_f64().unwrap() > 40.0, "{first}");
    assert!(first["why"].as_array().unwrap().len() >= 3, "{first}");

    // The other co-op declines: its roles are freed and it is suggested no more.
    let invite = json!({"coop": "other-coop", "role_ids": [backend_id]});
    let bid = net.ok(&bid, "invitations", &invite, &net.lead).await;
    assert_eq!(role(&bid, "Backend")["coop"]["slug"], "other-coop");
    let answered = net
        .ok(
            &bid,
            "invitations/other-coop/answer",
            &json!({"accept": false}),
            &net.other,
        )
        .await;
    assert!(role(&answered, "Backend")["coop"].is_null());
    let suggested = net
        .get(&bid, &path, Some(&net.lead))
        .await
        .json::<Value>()
        .await
        .unwrap();
    assert_eq!(slugs(&suggested["items"], "coop"), ["partner-coop"]);

    // The partner is invited: its admins see the bid without rates, its
    // members not at all, and the lead sees it as invited.
    let invite = json!({"coop": "partner-coop", "role_ids": [backend_id]});
    net.ok(&bid, "invitations", &invite, &net.lead).await;
    let seen = net.show(&bid, &net.partner).await;
    assert!(
        role(&seen, "Backend")["day_rate"].is_null() && seen["value"].is_null(),
        "{seen}"
    );
    assert_problem(
        net.get(&bid, "", Some(&net.partner_member)).await,
        404,
        "not_found",
    )
    .await;
    assert_problem(
        net.get(&bid, "/shares", Some(&net.partner)).await,
        403,
        "forbidden",
    )
    .await;
    // Until someone does the backend work, its value is nobody's: 40 of the
    // 50 days' worth of what the fund and premium leave is kept apart.
    let unstaffed: Value = net
        .get(&bid, "/shares", Some(&net.lead))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(unstaffed["unassigned"]["value"], 8_928_000, "{unstaffed}");
    assert_eq!(unstaffed["unassigned"]["roles"][0]["title"], "Backend");
    assert_eq!(unstaffed["partners"][0]["revenue"], 600_000 + 2_232_000);
    assert!(
        unstaffed["fund_note"]
            .as_str()
            .unwrap()
            .starts_with("optional")
    );
    let accepted = net
        .ok(
            &bid,
            "invitations/partner-coop/answer",
            &json!({"accept": true}),
            &net.partner,
        )
        .await;
    assert_eq!(role(&accepted, "Backend")["day_rate"], 50_000);
    let statuses: Vec<(&str, &str)> = accepted["members"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| {
            (
                m["coop"]["slug"].as_str().unwrap(),
                m["status"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(statuses[0], ("lead-coop", "lead"));
    assert!(statuses.contains(&("partner-coop", "accepted")));
    // A member of the partner co-op now sees it; the declined co-op is not
    // named to them.
    let member_view = net.show(&bid, &net.partner_member).await;
    assert!(
        !member_view.to_string().contains("other-coop"),
        "{member_view}"
    );

    // The gap is closed and both roles can be staffed.
    let gaps = net
        .get(&bid, "/gaps", Some(&net.partner))
        .await
        .json::<Value>()
        .await
        .unwrap();
    assert_eq!(
        gap_skills(&gaps),
        Vec::<String>::new(),
        "the gap closed: {gaps}"
    );
    let rust = gaps["matrix"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["skill"] == "rust")
        .unwrap();
    assert_eq!(rust["at_level"], true);
    let backend_staffing = gaps["staffing"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["title"] == "Backend")
        .unwrap();
    assert_eq!(backend_staffing["staffed"], true, "{backend_staffing}");

    // Shares: 12,000,000 less 2% fund and 5% premium, the rest by cost
    // (40 × 50,000 against 10 × 40,000), exactly.
    let shares = net
        .get(&bid, "/shares", Some(&net.lead))
        .await
        .json::<Value>()
        .await
        .unwrap();
    assert_eq!(shares["fund"], 240_000);
    let by_coop: Vec<(&str, u64, u64)> = shares["partners"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| {
            (
                p["coop"]["slug"].as_str().unwrap(),
                p["revenue"].as_u64().unwrap(),
                p["work_share_bp"].as_u64().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        by_coop,
        [
            ("lead-coop", 2_460_000, 2000),
            ("partner-coop", 9_300_000, 8000)
        ]
    );
    let total: u64 = by_coop.iter().map(|p| p.1).sum::<u64>() + 240_000;
    assert_eq!(total, 12_000_000);
    let again = net
        .get(&bid, "/shares", Some(&net.partner))
        .await
        .json::<Value>()
        .await
        .unwrap();
    assert_eq!(again, shares);

    // Go, submit, win, and a case study in one call.
    let decision = json!({"go": true, "reasons": "We cover it all",
                          "criteria": [{"name": "fit", "weight": 3, "score": 5}, {"name": "margin", "weight": 1, "score": 1}]});
    let decided = net.ok(&bid, "decision", &decision, &net.lead).await;
    assert_eq!(
        (
            decided["state"].as_str(),
            decided["decision"]["score"].as_f64()
        ),
        (Some("go"), Some(4.0))
    );
    assert_problem(
        net.post(&bid, "submit", &json!({"confirm": true}), &net.partner)
            .await,
        403,
        "forbidden",
    )
    .await;
    let submitted = net
        .ok(&bid, "submit", &json!({"confirm": true}), &net.lead)
        .await;
    assert!(submitted["submitted_at"].is_string());
    let won = net.ok(&bid, "win", &json!({}), &net.lead).await;
    assert_eq!(won["state"], "won");
    let res = net
        .post(
            &bid,
            "case-study",
            &json!({"outcome": "Live in 2027"}),
            &net.lead,
        )
        .await;
    assert_eq!(res.status(), StatusCode::CREATED);
    let study: Value = res.json().await.unwrap();
    assert_eq!(study["client"], "An NHS trust");
    assert_eq!(study["value_band"], "100k_to_500k");
    assert_eq!(
        study["value"],
        json!({"amount": 12_000_000, "currency": "GBP"})
    );
    let skills: Vec<&str> = study["skills"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["slug"].as_str().unwrap())
        .collect();
    assert_eq!(skills, ["rust", "ux-design"]);
    // The partner is named only once its admins confirm.
    let public = app
        .get_json(
            &format!("/api/v1/case-studies/{}", study["slug"].as_str().unwrap()),
            None,
        )
        .await;
    let named: Vec<&str> = public["coops"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["slug"].as_str().unwrap())
        .collect();
    assert_eq!(named, ["lead-coop"], "{public}");
    assert_problem(
        net.post(&bid, "case-study", &json!({}), &net.lead).await,
        409,
        "bid_state",
    )
    .await;

    // The won bid as open data, valid against the published schemas.
    let release = super::ocds_out::exported(&net, &bid, &net.lead).await;
    super::ocds_out::assert_valid(&super::ocds_out::extended_schema(), &release);
    assert_eq!(release["bids"]["details"][0]["status"], "valid");
    assert!(
        !release.to_string().contains("other-coop"),
        "a co-op that declined is not named"
    );

    // Stats count bids for network members only.
    let stats = app.get_json("/api/v1/stats", Some(&net.partner)).await;
    assert_eq!(
        stats["bids"],
        json!({"formed": 1, "submitted": 1, "won": 1,
                                     "value_won": [{"amount": 12_000_000, "currency": "GBP"}]})
    );
    assert!(app.get_json("/api/v1/stats", None).await["bids"].is_null());
    // Won this year: last year's totals do not count it.
    let this_year = app.clock.now().year();
    for (year, won) in [(this_year, 1), (this_year - 1, 0)] {
        let stats = app
            .get_json(&format!("/api/v1/stats?year={year}"), Some(&net.partner))
            .await;
        assert_eq!(stats["bids"]["won"], won, "{year}: {stats}");
    }
    assert_eq!(
        net.show(&bid, &net.lead).await["closed_at"]
            .as_str()
            .map(|at| at.starts_with(&this_year.to_string())),
        Some(true)
    );
}

async fn a_bid_refuses_moves_out_of_turn_and_submissions_after_the_deadline(backend: Backend) {
    let net = Consortium::start(backend).await;
    let bid = net.open_bid().await;
    // The lead reprices: no fund share now, a 10% premium.
    let terms = json!({"title": "Records API, repriced", "value": {"amount": 10_000_000, "currency": "GBP"},
                       "lead_premium_bp": 1000});
    let path = format!("/api/v1/bids/{}/terms", bid["id"].as_str().unwrap());
    let res = net
        .app
        .send(
            reqwest::Method::PUT,
            &path,
            Some(&terms),
            Some(&net.lead),
            None,
        )
        .await;
    assert_eq!(res.status(), StatusCode::OK);
    let shares: Value = net
        .get(&bid, "/shares", Some(&net.lead))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(
        (shares["value"].as_u64(), shares["fund"].is_null()),
        (Some(10_000_000), true)
    );
    assert_eq!(shares["partners"][0]["lead_premium"], 1_000_000);
    let bad = json!({"title": "x", "coordinator": "00000000-0000-0000-0000-000000000000"});
    let res = net
        .app
        .send(
            reqwest::Method::PUT,
            &path,
            Some(&bad),
            Some(&net.lead),
            None,
        )
        .await;
    assert_eq!(
        crate::helpers::pointers(&assert_problem(res, 422, "validation_failed").await),
        ["/coordinator"]
    );
    let problem = assert_problem(
        net.post(&bid, "win", &json!({}), &net.lead).await,
        409,
        "bid_state",
    )
    .await;
    assert!(
        problem["detail"].as_str().unwrap().contains("forming"),
        "{problem}"
    );
    assert_problem(
        net.post(&bid, "submit", &json!({"confirm": true}), &net.lead)
            .await,
        409,
        "bid_state",
    )
    .await;
    net.ok(&bid, "decision", &json!({"go": true}), &net.lead)
        .await;
    assert_problem(
        net.post(&bid, "decision", &json!({"go": false}), &net.lead)
            .await,
        409,
        "bid_state",
    )
    .await;
    // The deadline is 2027-06-30 noon; a year on, nothing is submitted.
    net.app.clock.advance(chrono::Duration::days(400));
    assert_problem(
        net.post(&bid, "submit", &json!({"confirm": true}), &net.lead)
            .await,
        409,
        "past_deadline",
    )
    .await;
    let withdrawn = net.ok(&bid, "withdraw", &json!({}), &net.lead).await;
    assert_eq!(withdrawn["state"], "withdrawn");
    assert_problem(
        net.post(
            &bid,
            "roles",
            &json!({"title": "Late", "effort_days": 1}),
            &net.lead,
        )
        .await,
        409,
        "bid_state",
    )
    .await;
    // Closed tenders take no bids; bad fields are named together.
    let body =
        json!({"opportunity_id": net.opportunity, "lead_coop": "lead-coop", "title": "Too late"});
    assert_problem(
        net.app
            .post_json("/api/v1/bids", &body, Some(&net.lead))
            .await,
        409,
        "opportunity_closed",
    )
    .await;
    let bad = json!({"opportunity_id": net.opportunity, "lead_coop": "lead-coop", "title": "",
                     "lead_premium_bp": 20_000, "fund_bp": -1});
    let problem = assert_problem(
        net.app
            .post_json("/api/v1/bids", &bad, Some(&net.lead))
            .await,
        422,
        "validation_failed",
    )
    .await;
    assert_eq!(
        crate::helpers::pointers(&problem),
        ["/title", "/lead_premium_bp", "/fund_bp"]
    );
}

/// A bid is its consortium's business: the lead's admins and the invited
/// co-op's admins count it; nobody else does, and no search channel carries
/// it to anyone (who may open a bid the matrix asks, route by route).
async fn a_bid_is_in_no_list_count_or_search_outside_its_consortium(backend: Backend) {
    let net = Consortium::start(backend).await;
    let marker = "Zanzibarquux";
    let body = json!({"opportunity_id": net.opportunity, "lead_coop": "lead-coop",
                      "title": format!("{marker} consortium")});
    let res = net
        .app
        .post_json("/api/v1/bids", &body, Some(&net.lead))
        .await;
    assert_eq!(res.status(), 201);
    let bid: Value = res.json().await.unwrap();
    net.invite(&bid, "partner-coop").await;
    for (caller, token, total) in [
        ("outsider", &net.outsider, 0),
        ("uninvolved co-op's admin", &net.other, 0),
        ("invited co-op's member", &net.partner_member, 0),
        ("invited co-op's admin", &net.partner, 1),
        ("lead's admin", &net.lead, 1),
    ] {
        let list = net.app.get_json("/api/v1/bids", Some(token)).await;
        assert_eq!(list["total"], total, "{caller}: {list}");
    }
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
