//! The web pages over HTTP: the directory for anyone, exactly what the JSON
//! API shows the same visitor; sessions that sign in and out, refuse a form
//! without its token, and end with a password change. (The browser tests
//! drive the same pages in Chromium.)

use coophub_testkit::{Backend, backend_tests};
use reqwest::StatusCode;
use serde_json::json;

use super::{MARKER, csrf_of, page, pair, post_form, set_cookies, signed_in};

use crate::claims::unclaimed_coop;
use crate::coops::{approved_coop, coop};
use crate::helpers::{PASSWORD, TestApp};

backend_tests!(
    the_directory_pages_show_anyone_what_the_api_would,
    a_session_signs_in_and_out_and_every_form_needs_its_token,
    a_signed_in_visitor_writes_to_a_coop_and_claims_an_unclaimed_one,
    a_persons_page_shows_each_visitor_what_the_api_would,
    an_account_opened_on_its_page_is_signed_in,
);

async fn the_directory_pages_show_anyone_what_the_api_would(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let steward = app.network_admin("steward@example.coop").await;
    let owner = app.user("ada@example.coop").await;
    approved_coop(&app, "leeds-web", &owner, &steward).await;
    // A co-op that applied and was not approved is the network's business.
    let hidden = app.user("hid@example.coop").await;
    let mut applied = coop("quiet-coop");
    applied["name"] = json!(format!("{MARKER} Co-op"));
    applied["summary"] = json!(format!("{MARKER} summary"));
    let res = app
        .post_json("/api/v1/coops", &applied, Some(&hidden))
        .await;
    assert_eq!(res.status(), StatusCode::CREATED);

    let (status, home) = page(&app, "/", None).await;
    assert_eq!(status, StatusCode::OK);
    assert!(home.contains(r#"<label for="q">Search</label>"#), "{home}");
    assert!(home.contains(r#"<input type="search" id="q" name="q""#));
    assert!(home.contains(r#"<a href="/sign-in">Sign in</a>"#));

    // Search, linkable by URL, with facets as links and the co-op's page linked.
    let (status, found) = page(&app, "/?q=leeds+web", None).await;
    assert_eq!(status, StatusCode::OK);
    assert!(
        found.contains(r#"<a href="/coops/leeds-web">Co-op leeds-web</a>"#),
        "{found}"
    );
    assert!(
        found.contains("/?q=leeds+web&#38;type=coop"),
        "a facet link: {found}"
    );
    // What is typed is completed: skills and co-ops it begins.
    let (_, typed) = page(&app, "/?q=djang", None).await;
    assert!(
        typed.contains(r#"<a href="/?skill=django">Django</a> (skill)"#),
        "{typed}"
    );
    // htmx asks for the results alone.
    let res = app
        .client
        .get(app.url("/?q=leeds"))
        .header("HX-Request", "true")
        .send()
        .await
        .unwrap();
    assert_eq!(res.headers()["vary"], "Cookie, HX-Request");
    let fragment = res.text().await.unwrap();
    assert!(fragment.contains("/coops/leeds-web") && !fragment.contains("<html"));
    let (status, bad) = page(&app, "/?page=0", None).await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert!(
        bad.contains("<h1>Bad Request</h1>") && bad.contains("page"),
        "{bad}"
    );

    // A co-op's page: what the API shows, and schema.org data.
    let (status, shown) = page(&app, "/coops/leeds-web", None).await;
    assert_eq!(status, StatusCode::OK);
    assert!(shown.contains("<h1>Co-op leeds-web</h1>"), "{shown}");
    assert!(shown.contains(r#""@type":"Organization""#));
    assert!(
        shown.contains("<dd>Leeds, Yorkshire and the Humber, GB</dd>"),
        "{shown}"
    );
    assert!(
        shown.contains(r#"<a href="/?skill=django">Django</a>"#),
        "{shown}"
    );
    assert!(
        shown.contains("<dd>Registered co-operative society</dd>"),
        "in words: {shown}"
    );

    // The map: named markers and the same list without JavaScript.
    let (status, map) = page(&app, "/map", None).await;
    assert_eq!(status, StatusCode::OK);
    assert!(
        map.contains(r#""name":"Co-op leeds-web","place":"Leeds","lat":53.8,"lon":-1.55"#),
        "{map}"
    );
    assert!(map.contains(r#"<a href="/coops/leeds-web">Co-op leeds-web</a>, Leeds"#));
    let (_, none) = page(&app, "/map?skill=cobol", None).await;
    assert!(none.contains("0 co-ops with “cobol”"), "{none}");
    let (_, django) = page(&app, "/map?skill=django", None).await;
    assert!(django.contains("1 co-op with “django”"), "{django}");

    // Nothing private reaches an outsider's page.
    for path in [
        "/",
        "/?q=zanzibarquill",
        "/?q=quiet",
        "/map",
        "/coops/quiet-coop",
        "/coops/leeds-web",
    ] {
        let (_, text) = page(&app, path, None).await;
        assert!(!text.contains(MARKER), "{path} shows the marker");
    }
    let (status, missing) = page(&app, "/coops/quiet-coop", None).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert!(missing.contains("<h1>Not Found</h1>"));

    // A path with no page: a page for a browser, the API's problem for clients.
    let res = app
        .client
        .get(app.url("/no-such-page"))
        .header("Accept", "text/html,application/xhtml+xml")
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::NOT_FOUND);
    assert!(
        res.text()
            .await
            .unwrap()
            .contains("there is no page at /no-such-page")
    );
    let res = app
        .client
        .get(app.url("/no-such-page"))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::NOT_FOUND);
    assert_eq!(res.headers()["content-type"], "application/problem+json");
    let res = app
        .client
        .delete(app.url("/api/v1/coops"))
        .header("Accept", "text/html")
        .send()
        .await
        .unwrap();
    assert_eq!(
        res.status(),
        StatusCode::METHOD_NOT_ALLOWED,
        "the API's own answer"
    );

    // Assets: embedded, named by their content, cached for a year.
    let style = home
        .split("href=\"")
        .find(|s| s.starts_with("/assets/style.css?h="))
        .and_then(|s| s.split('"').next())
        .unwrap()
        .to_owned();
    let res = app.client.get(app.url(&style)).send().await.unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    assert_eq!(
        res.headers()["cache-control"],
        "public, max-age=31536000, immutable"
    );
    assert!(
        res.headers()["content-type"]
            .to_str()
            .unwrap()
            .starts_with("text/css")
    );
    let res = app
        .client
        .get(app.url("/assets/vendor/htmx-2.0.11.min.js"))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::OK);
}

async fn a_session_signs_in_and_out_and_every_form_needs_its_token(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let token = app.user("ada@example.coop").await;

    // The sign-in form sets the cookie its token is checked against.
    let res = app.client.get(app.url("/sign-in")).send().await.unwrap();
    let form_cookie = pair(&set_cookies(&res)[0]);
    let csrf = csrf_of(&res.text().await.unwrap());
    let creds = [("email", "ada@example.coop"), ("password", PASSWORD)];
    let res = post_form(&app, "/sign-in", &creds, &form_cookie).await;
    assert_eq!(res.status(), StatusCode::FORBIDDEN, "no token, no sign-in");
    let wrong = [
        ("email", "ada@example.coop"),
        ("password", "not it at all"),
        ("csrf", &csrf),
    ];
    let res = post_form(&app, "/sign-in", &wrong, &form_cookie).await;
    assert_eq!(res.status(), StatusCode::UNAUTHORIZED);
    assert!(
        res.text()
            .await
            .unwrap()
            .contains("wrong email or password")
    );

    let right = [
        ("email", "ada@example.coop"),
        ("password", PASSWORD),
        ("csrf", &csrf),
    ];
    let res = post_form(&app, "/sign-in", &right, &form_cookie).await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    assert_eq!(res.headers()["location"], "/");
    let set = set_cookies(&res);
    let session = set
        .iter()
        .find(|c| c.starts_with("coophub_session="))
        .unwrap();
    assert!(
        session.contains("HttpOnly") && session.contains("SameSite=Lax"),
        "{session}"
    );
    let session = pair(session);

    let (_, home) = page(&app, "/", Some(&session)).await;
    assert!(
        home.contains("Signed in as <strong>Test Person</strong>"),
        "{home}"
    );
    let signed_csrf = csrf_of(&home);
    assert_ne!(signed_csrf, csrf, "a session has a token of its own");
    let res = post_form(&app, "/sign-out", &[], &session).await;
    assert_eq!(
        res.status(),
        StatusCode::FORBIDDEN,
        "a post without its token is refused"
    );
    let res = post_form(&app, "/sign-out", &[("csrf", &csrf)], &session).await;
    assert_eq!(res.status(), StatusCode::FORBIDDEN, "nor with another's");
    let res = post_form(&app, "/sign-out", &[("csrf", &signed_csrf)], &session).await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    assert!(
        set_cookies(&res)
            .iter()
            .any(|c| c.starts_with("coophub_session=;"))
    );
    let (_, after) = page(&app, "/", Some(&session)).await;
    assert!(
        after.contains(r#"<a href="/sign-in">Sign in</a>"#),
        "the old cookie opens nothing"
    );

    // A password change ends every session.
    let res = post_form(&app, "/sign-in", &right, &form_cookie).await;
    let session = pair(
        set_cookies(&res)
            .iter()
            .find(|c| c.starts_with("coophub_session="))
            .unwrap(),
    );
    let (_, home) = page(&app, "/", Some(&session)).await;
    assert!(home.contains("Signed in as"));
    let change = json!({"current_password": PASSWORD, "new_password": "a brand new passphrase"});
    let res = app
        .post_json("/api/v1/me/password", &change, Some(&token))
        .await;
    assert_eq!(res.status(), StatusCode::OK);
    let (_, home) = page(&app, "/", Some(&session)).await;
    assert!(!home.contains("Signed in as"), "{home}");
}

/// Signs `email` in through the form: the session cookie and its forms' token.
async fn a_signed_in_visitor_writes_to_a_coop_and_claims_an_unclaimed_one(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let steward = app.network_admin("steward@example.coop").await;
    let owner = app.user("ada@example.coop").await;
    approved_coop(&app, "leeds-web", &owner, &steward).await;
    unclaimed_coop(&app, "loose-coop", "https://loose.example").await;
    app.user("sam@example.coop").await;

    let (_, anonymous) = page(&app, "/coops/loose-coop", None).await;
    assert!(
        anonymous.contains("to write to this co-op or to claim it"),
        "{anonymous}"
    );
    let (session, csrf) = signed_in(&app, "sam@example.coop").await;
    let (_, loose) = page(&app, "/coops/loose-coop", Some(&session)).await;
    assert!(loose.contains("Claim this co-op") && !loose.contains("Write to The loose-coop"));
    let (_, leeds) = page(&app, "/coops/leeds-web", Some(&session)).await;
    assert!(!leeds.contains("Claim this co-op"), "it has admins");

    // Writing: the token is needed; a bad field comes back with what was typed.
    let note = [
        ("subject", "Hosting for a food bank"),
        ("message", "Could you host it?"),
    ];
    let res = post_form(&app, "/coops/leeds-web/enquiries", &note, &session).await;
    assert_eq!(res.status(), StatusCode::FORBIDDEN);
    let empty = [
        ("subject", ""),
        ("message", "Could you host it?"),
        ("csrf", &csrf),
    ];
    let res = post_form(&app, "/coops/leeds-web/enquiries", &empty, &session).await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let again = res.text().await.unwrap();
    assert!(
        again.contains("subject") && again.contains(">Could you host it?</textarea>"),
        "{again}"
    );
    let sent = [note[0], note[1], ("csrf", &csrf)];
    let res = post_form(&app, "/coops/leeds-web/enquiries", &sent, &session).await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    assert_eq!(res.headers()["location"], "/coops/leeds-web?done=enquiry");
    let (_, after) = page(&app, "/coops/leeds-web?done=enquiry", Some(&session)).await;
    assert!(after.contains("Your message was sent"), "{after}");
    let told = app.told(&owner, "enquiry.received").await;
    assert!(
        told.iter().any(|t| t.contains("Hosting for a food bank")),
        "{told:?}"
    );

    // Claiming the co-op nobody administers: the stewards have it to decide.
    let ask = [("message", "I am one of its founders"), ("csrf", &csrf)];
    let res = post_form(&app, "/coops/loose-coop/claim", &ask, &session).await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    assert_eq!(res.headers()["location"], "/coops/loose-coop?done=claim");
    let claims = app
        .get_json("/api/v1/claims?status=pending", Some(&steward))
        .await;
    assert_eq!(claims["items"][0]["coop"]["slug"], "loose-coop", "{claims}");
    let res = post_form(&app, "/coops/leeds-web/claim", &ask, &session).await;
    assert_eq!(
        res.status(),
        StatusCode::CONFLICT,
        "a co-op with admins is not claimed"
    );
}

async fn a_persons_page_shows_each_visitor_what_the_api_would(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let steward = app.network_admin("steward@example.coop").await;
    let owner = app.user("ada@example.coop").await;
    approved_coop(&app, "leeds-web", &owner, &steward).await;
    let add = |body: serde_json::Value| {
        let (app, owner) = (&app, &owner);
        async move {
            let res = app
                .post_json("/api/v1/coops/leeds-web/people", &body, Some(owner))
                .await;
            assert_eq!(res.status(), StatusCode::CREATED);
            res.json::<serde_json::Value>().await.unwrap()["id"]
                .as_str()
                .unwrap()
                .to_owned()
        }
    };
    let grace = add(
        json!({"name": "Grace", "headline": "Accessibility specialist",
        "visibility": "public", "skills": [{"skill": "a11y", "level": 5, "interest": 4}],
        "days_per_week": 2, "available_from": "2027-01-04", "day_rate": 350}),
    )
    .await;
    let hidden = add(
        json!({"name": format!("{MARKER} Hidden"), "visibility": "network",
        "skills": [{"skill": "rust", "level": 3, "interest": 3}]}),
    )
    .await;

    let (status, public) = page(&app, &format!("/people/{grace}"), None).await;
    assert_eq!(status, StatusCode::OK);
    assert!(public.contains("<h1>Grace</h1>"), "{public}");
    assert!(public.contains(r#"Of <a href="/coops/leeds-web">Co-op leeds-web</a>."#));
    assert!(
        public.contains("<td>5 of 5</td><td>4 of 5</td>"),
        "{public}"
    );
    assert!(!public.contains("Day rate") && !public.contains("days a week from"));
    let (_, found) = page(&app, "/?q=accessibility+specialist", None).await;
    assert!(
        found.contains(&format!(r#"<a href="/people/{grace}">Grace</a>"#)),
        "{found}"
    );

    // The network sees the rate and the time free; outsiders do not see the hidden one at all.
    let (session, _) = signed_in(&app, "ada@example.coop").await;
    let (_, member) = page(&app, &format!("/people/{grace}"), Some(&session)).await;
    assert!(
        member.contains("£350") && member.contains("2 days a week from 2027-01-04"),
        "{member}"
    );
    let (status, none) = page(&app, &format!("/people/{hidden}"), None).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert!(!none.contains(MARKER));
    let (status, seen) = page(&app, &format!("/people/{hidden}"), Some(&session)).await;
    assert_eq!(status, StatusCode::OK);
    assert!(seen.contains(MARKER));
}

async fn an_account_opened_on_its_page_is_signed_in(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    app.user("taken@example.coop").await;
    let res = app.client.get(app.url("/register")).send().await.unwrap();
    let form_cookie = pair(&set_cookies(&res)[0]);
    let csrf = csrf_of(&res.text().await.unwrap());
    let bad = [
        ("name", ""),
        ("email", "not-an-address"),
        ("password", "short"),
        ("csrf", &csrf),
    ];
    let res = post_form(&app, "/register", &bad, &form_cookie).await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let text = res.text().await.unwrap();
    for field in [
        "<li>Email: ",
        "<li>Name: ",
        "<li>Password: must be at least 10",
    ] {
        assert!(text.contains(field), "{field} in {text}");
    }
    assert!(
        text.contains(r#"value="not-an-address""#),
        "what was typed stays"
    );
    let taken = [
        ("name", "Sam"),
        ("email", "taken@example.coop"),
        ("password", "a long enough passphrase"),
        ("csrf", &csrf),
    ];
    let res = post_form(&app, "/register", &taken, &form_cookie).await;
    assert_eq!(res.status(), StatusCode::CONFLICT);
    let fresh = [
        ("name", "Sam Samphire"),
        ("email", "sam@example.coop"),
        ("password", "a long enough passphrase"),
        ("csrf", &csrf),
    ];
    let res = post_form(&app, "/register", &fresh[..3], &form_cookie).await;
    assert_eq!(res.status(), StatusCode::FORBIDDEN, "no token, no account");
    let res = post_form(&app, "/register", &fresh, &form_cookie).await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let session = set_cookies(&res)
        .into_iter()
        .find(|c| c.starts_with("coophub_session="))
        .map(|c| pair(&c))
        .unwrap();
    let (_, home) = page(&app, "/", Some(&session)).await;
    assert!(
        home.contains("Signed in as <strong>Sam Samphire</strong>"),
        "{home}"
    );
    // The account is the API's too.
    let res = app
        .try_login("sam@example.coop", "a long enough passphrase")
        .await;
    assert_eq!(res.status(), StatusCode::OK);
}
