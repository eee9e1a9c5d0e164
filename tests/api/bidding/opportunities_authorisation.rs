//! The opportunity routes and the account's own routes, walked by everyone
//! who might call them: tenders are public notices that member co-ops' admins
//! add; an account's inbox, alerts and deadline feed are its own.

use coophub_testkit::{Backend, backend_tests};
use reqwest::Method;
use serde_json::{Value, json};

use super::Consortium;

backend_tests!(opportunity_and_account_routes_answer_each_caller_as_the_rules_say,);

async fn opportunity_and_account_routes_answer_each_caller_as_the_rules_say(backend: Backend) {
    let net = Consortium::start(backend).await;
    let app = &net.app;
    let id = net.opportunity.as_str();
    let tender = json!({"title": "Walked tender"});
    let alert = json!({"name": "Walk"});
    let package = json!({"version": "1.1", "releases": []});
    // (method, path, body, [anonymous, outsider, lead admin])
    let rows: Vec<(Method, String, Option<Value>, [u16; 3])> = vec![
        (
            Method::GET,
            "/api/v1/opportunities".into(),
            None,
            [200, 200, 200],
        ),
        (
            Method::GET,
            format!("/api/v1/opportunities/{id}"),
            None,
            [200, 200, 200],
        ),
        (
            Method::GET,
            "/api/v1/coops/lead-coop/opportunities".into(),
            None,
            [200, 200, 200],
        ),
        (
            Method::GET,
            "/api/v1/coops/no-such-coop/opportunities".into(),
            None,
            [404, 404, 404],
        ),
        (
            Method::POST,
            "/api/v1/opportunities".into(),
            Some(tender),
            [401, 403, 201],
        ),
        (
            Method::POST,
            "/api/v1/opportunities/import".into(),
            Some(package),
            [401, 403, 200],
        ),
        (
            Method::GET,
            "/api/v1/me/notifications".into(),
            None,
            [401, 200, 200],
        ),
        (
            Method::POST,
            "/api/v1/me/notifications/read-all".into(),
            None,
            [401, 200, 200],
        ),
        (
            Method::GET,
            "/api/v1/me/alerts".into(),
            None,
            [401, 200, 200],
        ),
        (
            Method::POST,
            "/api/v1/me/alerts".into(),
            Some(alert),
            [401, 201, 201],
        ),
        (
            Method::GET,
            "/api/v1/me/deadlines.ics".into(),
            None,
            [401, 200, 200],
        ),
        (
            Method::POST,
            "/api/v1/me/deadline-feed".into(),
            None,
            [401, 201, 201],
        ),
        (
            Method::DELETE,
            "/api/v1/me/deadline-feed".into(),
            None,
            [401, 204, 204],
        ),
    ];
    let tokens = [None, Some(net.outsider.as_str()), Some(net.lead.as_str())];
    for (method, path, body, wanted) in rows {
        for (token, status) in tokens.iter().zip(wanted) {
            let res = app
                .send(method.clone(), &path, body.as_ref(), *token, None)
                .await;
            assert_eq!(
                res.status().as_u16(),
                status,
                "{method} {path} as {token:?}: {:?}",
                res.text().await
            );
        }
    }
    // One account's alert is nobody else's to delete.
    let alerts = app.get_json("/api/v1/me/alerts", Some(&net.outsider)).await;
    let path = format!(
        "/api/v1/me/alerts/{}",
        alerts["items"][0]["id"].as_str().unwrap()
    );
    for (token, status) in [
        (None, 401),
        (Some(net.lead.as_str()), 404),
        (Some(net.outsider.as_str()), 204),
    ] {
        let res = app.send(Method::DELETE, &path, None, token, None).await;
        assert_eq!(res.status().as_u16(), status, "DELETE {path} as {token:?}");
    }
}
