//! Tenders and the bid workspace as pages: a tender ranked for the visitor's
//! co-op with its reasons, a bid opened from it, a role with its suggested
//! partners, an invitation accepted, a message, a go decision and a
//! submission confirmed although not ready; each visitor seeing what the
//! JSON API shows them, and nobody else finding the bid.

use coophub_testkit::{Backend, backend_tests};
use reqwest::StatusCode;

use super::{MARKER, page, post_form, signed_in};
use crate::bidding::Consortium;

backend_tests!(a_bid_goes_from_a_tender_to_a_confirmed_submission_on_the_pages);

/// The bid's id, from where opening it sent the browser.
fn bid_of(location: &str) -> String {
    location.strip_prefix("/bids/").unwrap().to_owned()
}

/// The value of the hidden `role_id` of the first suggestion's form.
fn suggested_role(html: &str) -> String {
    let at = html
        .find("name=\"role_id\" value=\"")
        .expect("a suggestion to invite");
    let rest = &html[at + "name=\"role_id\" value=\"".len()..];
    rest[..rest.find('"').unwrap()].to_owned()
}

async fn a_bid_goes_from_a_tender_to_a_confirmed_submission_on_the_pages(backend: Backend) {
    let world = Consortium::start(backend).await;
    let app = &world.app;
    let tender = world.opportunity.clone();

    // Anyone sees the open tenders; the lead's admin sees them ranked, with reasons.
    let (status, open) = page(app, "/opportunities", None).await;
    assert_eq!(status, StatusCode::OK);
    assert!(
        open.contains("Patient records API") && open.contains("Sign in</a> to see them ranked")
    );
    let (lead, lead_csrf) = signed_in(app, "lia@lead.coop").await;
    let (_, ranked) = page(app, "/opportunities", Some(&lead)).await;
    assert!(
        ranked.contains("Ranked for") && ranked.contains("its CPV code 72413000"),
        "{ranked}"
    );
    let (_, tender_page) = page(app, &format!("/opportunities/{tender}"), Some(&lead)).await;
    assert!(tender_page.contains("Open a bid") && tender_page.contains("An NHS trust"));
    let (_, anonymous) = page(app, &format!("/opportunities/{tender}"), None).await;
    assert!(!anonymous.contains("Open a bid") && anonymous.contains("to bid for it"));

    // Opening the bid sends the lead to its workspace.
    let open_it = [
        ("lead_coop", "lead-coop"),
        ("title", "Records API consortium"),
        ("csrf", &lead_csrf),
    ];
    let res = post_form(
        app,
        &format!("/opportunities/{tender}/bids"),
        &open_it,
        &lead,
    )
    .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let bid = bid_of(res.headers()["location"].to_str().unwrap());
    let at = |rest: &str| format!("/bids/{bid}{rest}");

    // A role: every wrong field at once, what was typed kept; then added.
    let wrong = [
        ("title", ""),
        ("skills", "Rust"),
        ("effort_days", "lots"),
        ("start", "soon"),
        ("csrf", &lead_csrf),
    ];
    let res = post_form(app, &at("/roles"), &wrong, &lead).await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let again = res.text().await.unwrap();
    for said in [
        "effort_days: must be a whole number",
        "start: must be a date",
        "title:",
        "value=\"lots\"",
    ] {
        assert!(again.contains(said), "{said}: {again}");
    }
    let role = [
        ("title", "Rust backend"),
        ("skills", "Rust"),
        ("level", "3"),
        ("effort_days", "20"),
        ("start", "2027-02-01"),
        ("end", "2027-03-31"),
        ("csrf", &lead_csrf),
    ];
    let res = post_form(app, &at("/roles"), &role, &lead).await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let unstaffed = [
        ("title", "Accessibility audit"),
        ("skills", "UX"),
        ("effort_days", "5"),
        ("csrf", &lead_csrf),
    ];
    let res = post_form(app, &at("/roles"), &unstaffed, &lead).await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let (_, work) = page(app, &at("?done=role"), Some(&lead)).await;
    assert!(
        work.contains("The role was added.") && work.contains("Who could take it"),
        "{work}"
    );
    assert!(
        work.contains("Invite Co-op partner-coop for this role"),
        "{work}"
    );

    // The suggested partner is invited for the role, and accepts on its page.
    let role_id = suggested_role(&work);
    let invite = [
        ("coop", "partner-coop"),
        ("role_id", role_id.as_str()),
        ("csrf", &lead_csrf),
    ];
    let garbled = [
        ("coop", "partner-coop"),
        ("role_id", "not-an-id"),
        ("csrf", &lead_csrf),
    ];
    let res = post_form(app, &at("/invitations"), &garbled, &lead).await;
    assert_eq!(res.status(), StatusCode::BAD_REQUEST);
    let refused = res.text().await.unwrap();
    assert!(refused.contains("the form could not be read"), "{refused}");
    let res = post_form(app, &at("/invitations"), &invite, &lead).await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let (partner, partner_csrf) = signed_in(app, "pat@partner.coop").await;
    let (_, invited) = page(app, &at(""), Some(&partner)).await;
    assert!(
        invited.contains("Accept for Co-op partner-coop") && !invited.contains("id=\"shares\"")
    );
    let accept = [("accept", "yes"), ("csrf", &partner_csrf)];
    let res = post_form(
        app,
        &at("/invitations/partner-coop/answer"),
        &accept,
        &partner,
    )
    .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);

    // A message needs the page's token; with it, the lead reads it.
    let said = format!("We can start in February. {MARKER}");
    let res = post_form(app, &at("/messages"), &[("text", &said)], &partner).await;
    assert_eq!(res.status(), StatusCode::FORBIDDEN);
    let res = post_form(
        app,
        &at("/messages"),
        &[("text", &said), ("csrf", &partner_csrf)],
        &partner,
    )
    .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let (_, work) = page(app, &at(""), Some(&lead)).await;
    assert!(
        work.contains("We can start in February")
            && work.contains("Co-op partner-coop</a>: a partner"),
        "{work}"
    );
    assert!(
        work.contains("id=\"shares\"") && work.contains("Not anyone's yet"),
        "{work}"
    );

    // A section, written by the partner, who marks it done.
    let section = [
        ("title", "Technical approach"),
        ("owner_coop", "partner-coop"),
        ("due", "2027-06-01"),
        ("csrf", &lead_csrf),
    ];
    let res = post_form(app, &at("/sections"), &section, &lead).await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let shown = app
        .get_json(&format!("/api/v1/bids/{bid}"), Some(&world.lead))
        .await;
    let section_id = shown["sections"][0]["id"].as_str().unwrap().to_owned();
    let done = [
        ("title", "Technical approach"),
        ("owner_coop", "partner-coop"),
        ("due", "2027-06-01"),
        ("status", "done"),
        ("csrf", &partner_csrf),
    ];
    let res = post_form(
        app,
        &at(&format!("/sections/{section_id}")),
        &done,
        &partner,
    )
    .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let (_, work) = page(app, &at(""), Some(&lead)).await;
    assert!(
        work.contains("Technical approach: done, due 2027-06-01"),
        "{work}"
    );

    // Another co-op invited and not answering sees neither the consortium's
    // words nor its money; outsiders find no bid at all.
    let res = post_form(
        app,
        &at("/invitations"),
        &[("coop", "other-coop"), ("csrf", &lead_csrf)],
        &lead,
    )
    .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let (other, _) = signed_in(app, "oz@other.coop").await;
    let (status, theirs) = page(app, &at(""), Some(&other)).await;
    assert_eq!(status, StatusCode::OK);
    assert!(
        !theirs.contains(MARKER) && !theirs.contains("id=\"shares\""),
        "{theirs}"
    );
    let (outsider, _) = signed_in(app, "eve@example.org").await;
    for cookie in [Some(outsider.as_str()), None] {
        let (status, body) = page(app, &at(""), cookie).await;
        assert_eq!(status, StatusCode::NOT_FOUND);
        assert!(!body.contains(MARKER) && !body.contains("Records API consortium"));
    }

    // Go, then a submission refused while not ready, and confirmed.
    let go = [
        ("go", "yes"),
        ("reasons", "We have the people"),
        ("csrf", &lead_csrf),
    ];
    let res = post_form(app, &at("/decision"), &go, &lead).await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let res = post_form(app, &at("/submit"), &[("csrf", &lead_csrf)], &lead).await;
    assert_eq!(res.status(), StatusCode::CONFLICT);
    let refused = res.text().await.unwrap();
    assert!(
        refused.contains("Accessibility audit&#34; is not staffed"),
        "{refused}"
    );
    let confirmed = [("confirm", "yes"), ("csrf", &lead_csrf)];
    let res = post_form(app, &at("/submit"), &confirmed, &lead).await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let shown = app
        .get_json(&format!("/api/v1/bids/{bid}"), Some(&world.lead))
        .await;
    assert_eq!(shown["state"], "submitted", "{shown}");
    let (_, work) = page(app, &at("?done=submitted"), Some(&lead)).await;
    assert!(
        work.contains("<dd>submitted</dd>") && work.contains("submitted the bid"),
        "{work}"
    );
}
