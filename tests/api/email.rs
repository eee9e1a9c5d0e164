//! Email through an SMTP sink on loopback: invitations mailed at once (plain
//! text and HTML, with the unsubscribe link and header), a daily digest only
//! for those who chose it, never a second copy, the unsubscribe link that
//! stops it all, and a hub without SMTP that sends nothing and fails nothing.

use std::time::Duration;

use coophub_testkit::smtp::{Mail, Sink};
use coophub_testkit::{Backend, backend_tests};
use reqwest::StatusCode;
use serde_json::{Value, json};

use crate::coops::coop;
use crate::helpers::{TestApp, assert_problem, pointers};

backend_tests!(
    invitations_are_mailed_at_once_and_digests_go_to_those_who_chose_them,
    without_smtp_nothing_is_sent_and_nothing_fails,
    an_enquiry_is_mailed_to_be_answered_by_replying,
);

const HUB: &str = "https://hub.example.coop";

async fn mails(sink: &Sink, count: usize) -> Vec<Mail> {
    for _ in 0..200 {
        let got = sink.mails();
        if got.len() >= count {
            return got;
        }
        actix_web::rt::time::sleep(Duration::from_millis(50)).await;
    }
    panic!("expected {count} mails, got {:?}", sink.mails());
}

/// Lets the worker run a few rounds, then answers everything received.
async fn settled(sink: &Sink) -> Vec<Mail> {
    actix_web::rt::time::sleep(Duration::from_millis(400)).await;
    sink.mails()
}

/// A steward, and Olga, admin of the co-op `hooked` (not yet a member).
async fn hooked(app: &TestApp) -> (String, String) {
    let steward = app.network_admin("steward@example.coop").await;
    let olga = app.user("olga@hooked.coop").await;
    let res = app
        .post_json("/api/v1/coops", &coop("hooked"), Some(&olga))
        .await;
    assert_eq!(res.status(), StatusCode::CREATED);
    (steward, olga)
}

async fn invite(app: &TestApp, steward: &str, slug: &str) {
    let res = app
        .post_json(
            &format!("/api/v1/coops/{slug}/membership"),
            &json!({"action": "invite"}),
            Some(steward),
        )
        .await;
    assert_eq!(res.status(), StatusCode::OK);
}

async fn put_email(app: &TestApp, token: &str, body: &Value) -> reqwest::Response {
    app.send(
        reqwest::Method::PUT,
        "/api/v1/me/email",
        Some(body),
        Some(token),
        None,
    )
    .await
}

async fn invitations_are_mailed_at_once_and_digests_go_to_those_who_chose_them(backend: Backend) {
    let sink = Sink::start();
    let url = sink.url();
    let app = TestApp::spawn_with(backend, move |settings| {
        settings.mail.smtp_url = Some(url);
        settings.mail.digest_hour = 0;
        settings.mail.poll_interval = Duration::from_millis(50);
        settings.public_url = Some(HUB.to_owned());
    })
    .await;
    let (steward, olga) = hooked(&app).await;
    let chosen = app.get_json("/api/v1/me/email", Some(&olga)).await;
    assert_eq!(
        chosen,
        json!({"digest": false, "immediate": true, "sending": true})
    );

    // The stewards hear of the application at once.
    let applied = mails(&sink, 1).await;
    assert_eq!(applied[0].to, ["<steward@example.coop>"]);
    assert!(
        applied[0].header("Subject").contains("asks to join"),
        "{}",
        applied[0].data
    );

    invite(&app, &steward, "hooked").await;
    let got = mails(&sink, 2).await;
    let mail = &got[1];
    assert_eq!(mail.to, ["<olga@hooked.coop>"]);
    assert!(mail.header("Subject").contains("invited"), "{}", mail.data);
    assert!(
        mail.header("Content-Type")
            .starts_with("multipart/alternative")
    );
    let body = mail.body();
    assert!(body.contains("Content-Type: text/plain"), "{body}");
    assert!(body.contains("Content-Type: text/html"), "{body}");
    assert!(
        body.contains(&format!("<a href=\"{HUB}/api/v1/coops/hooked\">")),
        "{body}"
    );
    let unsubscribe = mail.header("List-Unsubscribe");
    let link = unsubscribe
        .strip_prefix('<')
        .and_then(|l| l.strip_suffix('>'))
        .unwrap()
        .to_owned();
    assert!(link.starts_with(&format!("{HUB}/api/v1/email/unsubscribe?token=")));
    assert!(
        body.contains(&format!("Unsubscribe: {link}\r\n")),
        "in the text too"
    );
    assert_eq!(
        mail.header("List-Unsubscribe-Post"),
        "List-Unsubscribe=One-Click"
    );
    assert_eq!(
        settled(&sink).await.len(),
        2,
        "mailed once, and no digest unasked"
    );

    // Olga chooses a digest: today's lists what she has not read.
    let res = put_email(&app, &olga, &json!({"digest": true, "immediate": true})).await;
    assert_eq!(res.status(), StatusCode::OK);
    let got = mails(&sink, 3).await;
    assert_eq!(got[2].to, ["<olga@hooked.coop>"]);
    assert_eq!(got[2].header("Subject"), "coophub: 1 unread notification");
    assert!(got[2].body().contains("invited"), "{}", got[2].data);
    assert_eq!(settled(&sink).await.len(), 3, "one digest a day");

    // The next day's digest lists only what came since.
    app.clock.advance(chrono::Duration::minutes(1));
    invite(&app, &steward, "hooked").await;
    assert!(
        mails(&sink, 4).await[3]
            .header("Subject")
            .contains("invited")
    );
    assert_eq!(settled(&sink).await.len(), 4, "no second digest today");
    app.clock.advance(chrono::Duration::days(1));
    let got = mails(&sink, 5).await;
    assert_eq!(got[4].header("Subject"), "coophub: 1 unread notification");

    // Following the link shows a button; pressing it stops all mail.
    let path = link.strip_prefix(HUB).unwrap();
    let page = app.get(path, None).await;
    assert_eq!(page.status(), StatusCode::OK);
    assert!(page.text().await.unwrap().contains("<form method=\"post\""));
    let res = app.post_raw(path, None, String::new()).await;
    assert_eq!(res.status(), StatusCode::OK);
    let chosen = app.get_json("/api/v1/me/email", Some(&olga)).await;
    assert_eq!(
        chosen,
        json!({"digest": false, "immediate": false, "sending": true})
    );
    let before = settled(&sink).await.len();
    invite(&app, &steward, "hooked").await;
    assert_eq!(
        settled(&sink).await.len(),
        before,
        "unsubscribed: nothing more"
    );

    let res = app
        .post_raw(
            "/api/v1/email/unsubscribe?token=nosuchtoken",
            None,
            String::new(),
        )
        .await;
    assert_problem(res, 404, "not_found").await;
    let res = put_email(&app, &olga, &json!({"digest": "daily"})).await;
    let problem = assert_problem(res, 422, "invalid_body").await;
    assert_eq!(
        pointers(&problem),
        ["/digest", "/immediate"],
        "both at once"
    );
}

async fn without_smtp_nothing_is_sent_and_nothing_fails(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let (steward, olga) = hooked(&app).await;
    let res = put_email(&app, &olga, &json!({"digest": true, "immediate": true})).await;
    assert_eq!(res.status(), StatusCode::OK);
    let chosen: Value = res.json().await.unwrap();
    assert_eq!(chosen["sending"], false, "choices kept, nothing sent");
    invite(&app, &steward, "hooked").await;
    let told = app.get_json("/api/v1/me/notifications", Some(&olga)).await;
    assert_eq!(told["items"][0]["kind"], "membership.invited");
}

async fn an_enquiry_is_mailed_to_be_answered_by_replying(backend: Backend) {
    let sink = Sink::start();
    let url = sink.url();
    let app = TestApp::spawn_with(backend, move |settings| {
        settings.mail.smtp_url = Some(url);
        settings.mail.poll_interval = Duration::from_millis(50);
        settings.public_url = Some(HUB.to_owned());
    })
    .await;
    let (steward, _olga) = hooked(&app).await;
    mails(&sink, 1).await;
    let body = json!({"subject": "Hosting", "message": "Could you host our site?\nThanks"});
    let res = app
        .post_json("/api/v1/coops/hooked/enquiries", &body, Some(&steward))
        .await;
    assert_eq!(res.status(), StatusCode::CREATED);
    let got = mails(&sink, 2).await;
    let mail = &got[1];
    assert_eq!(mail.to, ["<olga@hooked.coop>"]);
    assert!(
        mail.header("Reply-To").contains("steward@example.coop"),
        "{}",
        mail.data
    );
    assert!(mail.header("Subject").contains("Hosting"), "{}", mail.data);
    let text = mail.body();
    assert!(text.contains("Could you host our site?"), "{text}");
    assert!(
        text.contains(&format!("{HUB}/api/v1/coops/hooked/enquiries")),
        "{text}"
    );
}
