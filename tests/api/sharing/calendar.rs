//! Calendar feeds: accepted and active placements as iCalendar, read back
//! by the `icalendar` parser; a token or a revocable secret key.

use coophub_testkit::{Backend, backend_tests};
use icalendar::{Calendar, CalendarComponent, Component, DatePerhapsTime};
use reqwest::{Method, StatusCode};
use serde_json::{Value, json};

use super::Network;

backend_tests!(calendar_feeds_list_promised_time_for_the_coop_only);

/// The events of a feed: `(uid, summary, start, end)`.
pub(crate) fn events(text: &str) -> Vec<(String, String, DatePerhapsTime, DatePerhapsTime)> {
    let calendar: Calendar = text.parse().unwrap();
    calendar
        .components
        .iter()
        .filter_map(|component| match component {
            CalendarComponent::Event(event) => Some((
                event.get_uid().unwrap().to_owned(),
                event.get_summary().unwrap().to_owned(),
                event.get_start().unwrap(),
                event.get_end().unwrap(),
            )),
            _ => None,
        })
        .collect()
}

async fn calendar_feeds_list_promised_time_for_the_coop_only(backend: Backend) {
    let net = Network::start(backend).await;
    let offer = net.offer(3.0, true).await;
    let accepted = net.placement(&offer, 1.0, "2027-01-04", "2027-01-29").await;
    net.placement(&offer, 1.0, "2027-02-01", "2027-02-26").await; // only requested
    assert_eq!(
        net.act(&accepted, "accept", None, &net.lender)
            .await
            .status(),
        StatusCode::OK
    );

    let coop_feed = "/api/v1/coops/lend-coop/placements.ics";
    let res = net.app.get(coop_feed, Some(&net.lender)).await;
    assert_eq!(res.status(), StatusCode::OK);
    assert!(
        res.headers()["content-type"]
            .to_str()
            .unwrap()
            .starts_with("text/calendar")
    );
    let found = events(&res.text().await.unwrap());
    assert_eq!(found.len(), 1, "{found:?}");
    let (uid, summary, start, end) = &found[0];
    assert_eq!(
        uid,
        &format!("placement-{}@coophub", accepted["id"].as_str().unwrap())
    );
    assert!(summary.contains("Grace Hopper"), "{summary}");
    let day = |text: &str| DatePerhapsTime::Date(text.parse().unwrap());
    assert_eq!(
        (start, end),
        (&day("2027-01-04"), &day("2027-01-30")),
        "the end is exclusive"
    );
    // The asking co-op's calendar and Grace's own show it too.
    let asking = net
        .app
        .get("/api/v1/coops/ask-coop/placements.ics", Some(&net.asker))
        .await;
    assert_eq!(events(&asking.text().await.unwrap()).len(), 1);
    let person_feed = format!("/api/v1/people/{}/placements.ics", net.grace_id);
    let own = net.app.get(&person_feed, Some(&net.grace)).await;
    assert_eq!(events(&own.text().await.unwrap()).len(), 1);

    // Others: no token is 401, another co-op's member 404.
    assert_eq!(
        net.app.get(coop_feed, None).await.status(),
        StatusCode::UNAUTHORIZED
    );
    assert_eq!(
        net.app.get(coop_feed, Some(&net.asker)).await.status(),
        StatusCode::NOT_FOUND
    );

    // A secret URL for calendar apps; making another revokes it, as does DELETE.
    let feeds = "/api/v1/coops/lend-coop/calendar-feeds";
    let res = net.app.post_json(feeds, &json!({}), Some(&net.asker)).await;
    assert_eq!(res.status(), StatusCode::FORBIDDEN);
    let path = &crate::helpers::secret_feed(&net.app, feeds, &net.lender).await;
    let res = net.app.get(path, None).await;
    assert_eq!(res.status(), StatusCode::OK);
    assert_eq!(events(&res.text().await.unwrap()).len(), 1);
    let wrong = format!("{coop_feed}?key=0123");
    assert_eq!(
        net.app.get(&wrong, None).await.status(),
        StatusCode::NOT_FOUND
    );
    let person_path = path.replace("/coops/lend-coop/", &format!("/people/{}/", net.grace_id));
    assert_eq!(
        net.app.get(&person_path, None).await.status(),
        StatusCode::NOT_FOUND,
        "a key opens its own feed only"
    );
    let listed = net.app.get_json(feeds, Some(&net.lender)).await;
    assert_eq!(listed["items"].as_array().unwrap().len(), 1);
    assert!(
        !listed.to_string().contains("key="),
        "secrets are shown once"
    );
    let again: Value = net
        .app
        .post_json(feeds, &json!({}), Some(&net.lender))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(
        net.app.get(path, None).await.status(),
        StatusCode::NOT_FOUND,
        "replaced"
    );
    let revoke = format!("{feeds}/{}", again["id"].as_str().unwrap());
    let res = net
        .app
        .send(Method::DELETE, &revoke, None, Some(&net.lender), None)
        .await;
    assert_eq!(res.status(), StatusCode::NO_CONTENT);
    let new_url = again["url"].as_str().unwrap();
    let new_path = &new_url[new_url.find("/api/").unwrap()..];
    assert_eq!(
        net.app.get(new_path, None).await.status(),
        StatusCode::NOT_FOUND,
        "revoked"
    );
}
