//! Every sharing route asked by nobody, by someone who may not, and by
//! someone who may: 401 before 404 before 403, then success.

use coophub_testkit::{Backend, backend_tests};
use reqwest::Method;
use serde_json::{Value, json};

use super::Network;
use crate::coops::approved_coop;

backend_tests!(every_sharing_route_checks_who_asks);

/// One row of the walk: what is asked, and who gets what.
pub(super) struct Case {
    method: Method,
    path: String,
    body: Option<Value>,
    /// `(token, status)` in order; `None` is anonymous.
    answers: Vec<(Option<String>, u16)>,
}

pub(super) fn case(
    method: Method,
    path: impl Into<String>,
    body: Option<Value>,
    answers: Vec<(Option<String>, u16)>,
) -> Case {
    Case {
        method,
        path: path.into(),
        body,
        answers,
    }
}

fn id(value: &Value) -> &str {
    value["id"].as_str().unwrap()
}

async fn every_sharing_route_checks_who_asks(backend: Backend) {
    let net = Network::start(backend).await;
    let third = net.app.user("tess@third.coop").await;
    approved_coop(&net.app, "third-coop", &third, &net.steward).await;
    let offer = net.offer(5.0, true).await;
    let spare = net.offer(1.0, false).await;
    let request = json!({"coop": "ask-coop", "title": "Audit", "days_per_week": 1,
                         "start": "2027-01-04", "end": "2027-01-29"});
    let res = net
        .app
        .post_json("/api/v1/requests", &request, Some(&net.asker))
        .await;
    let request_id = res.json::<Value>().await.unwrap()["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let to_accept = net.placement(&offer, 0.5, "2027-01-04", "2027-01-10").await;
    let to_decline = net.placement(&offer, 0.5, "2027-01-11", "2027-01-17").await;
    let to_cancel = net.placement(&offer, 0.5, "2027-01-18", "2027-01-24").await;

    let offer_body = json!({"title": "Rust developer", "days_per_week": 5, "start": "2027-01-04",
                            "end": "2027-03-28", "work_mode": "remote", "person_id": net.grace_id});
    let mut new_offer = offer_body.clone();
    new_offer["coop"] = json!("lend-coop");
    new_offer["person_id"] = Value::Null;
    let ask = json!({"requesting_coop": "ask-coop", "days_per_week": 0.5,
                     "start": "2027-02-01", "end": "2027-02-07"});
    let reason = json!({"reason": "Plans changed"});
    let (anon, lender, asker, grace) = (
        None,
        Some(net.lender.clone()),
        Some(net.asker.clone()),
        Some(net.grace.clone()),
    );
    let outsider = Some(third.clone());
    let placement = |p: &Value, action: &str| format!("/api/v1/placements/{}/{action}", id(p));
    let cases = vec![
        case(
            Method::POST,
            "/api/v1/offers",
            Some(new_offer),
            vec![
                (anon.clone(), 401),
                (asker.clone(), 403),
                (lender.clone(), 201),
            ],
        ),
        case(
            Method::PUT,
            format!("/api/v1/offers/{}", id(&offer)),
            Some(offer_body),
            vec![
                (anon.clone(), 401),
                (asker.clone(), 403),
                (grace.clone(), 403),
                (lender.clone(), 200),
            ],
        ),
        case(
            Method::POST,
            format!("/api/v1/offers/{}/reconfirm", id(&offer)),
            None,
            vec![
                (anon.clone(), 401),
                (asker.clone(), 403),
                (lender.clone(), 200),
            ],
        ),
        case(
            Method::POST,
            "/api/v1/requests",
            Some(request.clone()),
            vec![
                (anon.clone(), 401),
                (lender.clone(), 403),
                (asker.clone(), 201),
            ],
        ),
        case(
            Method::PUT,
            format!("/api/v1/requests/{request_id}"),
            Some(request),
            vec![
                (anon.clone(), 401),
                (lender.clone(), 403),
                (asker.clone(), 200),
            ],
        ),
        case(
            Method::POST,
            format!("/api/v1/offers/{}/placements", id(&offer)),
            Some(ask),
            vec![
                (anon.clone(), 401),
                (outsider.clone(), 403),
                (asker.clone(), 201),
            ],
        ),
        case(
            Method::POST,
            placement(&to_accept, "accept"),
            None,
            vec![
                (anon.clone(), 401),
                (outsider.clone(), 404),
                (asker.clone(), 403),
                (lender.clone(), 200),
            ],
        ),
        case(
            Method::POST,
            placement(&to_accept, "start"),
            None,
            vec![
                (anon.clone(), 401),
                (outsider.clone(), 404),
                (grace.clone(), 403),
                (asker.clone(), 200),
            ],
        ),
        case(
            Method::POST,
            placement(&to_accept, "complete"),
            None,
            vec![
                (anon.clone(), 401),
                (outsider.clone(), 404),
                (grace.clone(), 403),
                (lender.clone(), 200),
            ],
        ),
        case(
            Method::POST,
            placement(&to_decline, "decline"),
            Some(reason.clone()),
            vec![
                (anon.clone(), 401),
                (outsider.clone(), 404),
                (asker.clone(), 403),
                (lender.clone(), 200),
            ],
        ),
        case(
            Method::POST,
            placement(&to_cancel, "cancel"),
            Some(reason),
            vec![
                (anon.clone(), 401),
                (outsider.clone(), 404),
                (grace.clone(), 403),
                (asker.clone(), 200),
            ],
        ),
        case(
            Method::GET,
            format!("/api/v1/placements/{}", id(&to_cancel)),
            None,
            vec![
                (anon.clone(), 404),
                (outsider.clone(), 404),
                (grace.clone(), 200),
                (asker.clone(), 200),
            ],
        ),
        case(
            Method::GET,
            format!("/api/v1/placements/{}/history", id(&to_cancel)),
            None,
            vec![
                (anon.clone(), 404),
                (outsider.clone(), 404),
                (net.steward.clone().into(), 200),
            ],
        ),
        case(
            Method::GET,
            "/api/v1/placements",
            None,
            vec![(anon.clone(), 401), (outsider.clone(), 200)],
        ),
        // Deletions last.
        case(
            Method::DELETE,
            format!("/api/v1/requests/{request_id}"),
            None,
            vec![
                (anon.clone(), 401),
                (lender.clone(), 403),
                (asker.clone(), 204),
            ],
        ),
        case(
            Method::DELETE,
            format!("/api/v1/offers/{}", id(&spare)),
            None,
            vec![(anon, 401), (asker, 403), (lender, 204)],
        ),
    ];
    walk(&net, cases).await;
}

/// Sends every case as each of its callers and checks the status.
pub(super) async fn walk(net: &Network, cases: Vec<Case>) {
    for case in cases {
        for (token, status) in &case.answers {
            let res = net
                .app
                .send(
                    case.method.clone(),
                    &case.path,
                    case.body.as_ref(),
                    token.as_deref(),
                    None,
                )
                .await;
            assert_eq!(
                res.status().as_u16(),
                *status,
                "{} {} as {token:?}",
                case.method,
                case.path
            );
        }
    }
}
