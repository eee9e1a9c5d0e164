//! The web pages over HTTP, as a browser without JavaScript uses them:
//! forms and links. (The browser tests drive the same pages in Chromium.)

mod account;
mod bids;
mod directory;
mod rotation;
mod sharing;

use reqwest::{Method, Response, StatusCode};

use crate::helpers::{PASSWORD, TestApp};

/// A word only private records hold, looked for on every page an outsider reaches.
pub const MARKER: &str = "Zanzibarquill";

pub async fn page(app: &TestApp, path: &str, cookie: Option<&str>) -> (StatusCode, String) {
    let mut request = app.client.get(app.url(path));
    if let Some(cookie) = cookie {
        request = request.header("Cookie", cookie);
    }
    let res = request.send().await.unwrap();
    let status = res.status();
    (status, res.text().await.unwrap())
}

/// `name=value` of every cookie the answer sets.
pub fn set_cookies(res: &Response) -> Vec<String> {
    res.headers()
        .get_all("set-cookie")
        .iter()
        .map(|v| v.to_str().unwrap().to_owned())
        .collect()
}

pub fn pair(set_cookie: &str) -> String {
    set_cookie.split(';').next().unwrap().to_owned()
}

/// The value of the hidden `csrf` field of the page's first form that has one.
pub fn csrf_of(html: &str) -> String {
    let at = html
        .find("name=\"csrf\" value=\"")
        .expect("a form with its token");
    let rest = &html[at + "name=\"csrf\" value=\"".len()..];
    rest[..rest.find('"').unwrap()].to_owned()
}

pub async fn post_form(app: &TestApp, path: &str, form: &[(&str, &str)], cookie: &str) -> Response {
    app.client
        .request(Method::POST, app.url(path))
        .header("Cookie", cookie)
        .form(form)
        .send()
        .await
        .unwrap()
}

/// Signs `email` in through the sign-in page: its session cookie and the
/// token of its forms.
pub async fn signed_in(app: &TestApp, email: &str) -> (String, String) {
    let res = app.client.get(app.url("/sign-in")).send().await.unwrap();
    let form_cookie = pair(&set_cookies(&res)[0]);
    let csrf = csrf_of(&res.text().await.unwrap());
    let creds = [("email", email), ("password", PASSWORD), ("csrf", &csrf)];
    let res = post_form(app, "/sign-in", &creds, &form_cookie).await;
    let session = set_cookies(&res)
        .into_iter()
        .find(|c| c.starts_with("coophub_session="))
        .map(|c| pair(&c))
        .unwrap();
    let (_, home) = page(app, "/", Some(&session)).await;
    (session.clone(), csrf_of(&home))
}
