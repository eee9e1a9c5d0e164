//! Who is looking at a page. A signed-in browser holds a session cookie
//! (HttpOnly, SameSite=Lax, Secure when the hub is served over https) whose
//! SHA-256 names a row of `web_sessions`; the row carries the account's
//! token version at sign-in, so a password change ends the session as it
//! ends access tokens, and signing out deletes it. Every form that changes
//! something carries the session's CSRF token (or, before signing in, the
//! one in a cookie of its own), and a post without it is refused (403).

use actix_web::cookie::{Cookie, SameSite};
use actix_web::{HttpRequest, web};
use chrono::Utc;
use coophub_api::auth::{Caller, TokenSubject};
use coophub_api::ics::{new_secret, secret_hash};
use coophub_api::state::blocking;
use coophub_api::{ApiError, AppState};
use coophub_domain::access::Viewer;
use coophub_store::DbConnection;
use coophub_store::web_sessions::{self, WebSession};

/// The session cookie's name.
pub const SESSION_COOKIE: &str = "coophub_session";

/// The cookie holding the CSRF token of forms shown before signing in.
pub const FORM_COOKIE: &str = "coophub_form";

/// Days a session lasts.
pub const SESSION_DAYS: i64 = 30;

/// The visitor of a page: the viewer the access rules decide for, and what
/// the page's header and forms need.
#[derive(Debug, Clone, Default)]
pub struct Visitor {
    /// As the access rules see them.
    pub viewer: Viewer,
    /// The CSRF token of their session, when signed in.
    pub csrf: Option<String>,
}

impl Visitor {
    /// The signed-in account's name.
    pub fn name(&self) -> Option<&str> {
        self.viewer.user.as_ref().map(|user| user.name.as_str())
    }
}

/// The session the request's cookie opens, as a caller of the operations;
/// a session whose account changed its password, or is gone, is nobody.
fn visitor(conn: &mut DbConnection, cookie: Option<String>) -> Result<Visitor, ApiError> {
    let Some(secret) = cookie else {
        return Ok(Visitor::default());
    };
    let Some(session) = web_sessions::find(conn, &secret_hash(&secret), Utc::now())? else {
        return Ok(Visitor::default());
    };
    let caller = Caller(Some(TokenSubject {
        user_id: session.user_id,
        version: session.token_version,
    }));
    Ok(match caller.viewer(conn) {
        Ok(viewer) => Visitor {
            viewer,
            csrf: Some(session.csrf_token),
        },
        Err(_) => Visitor::default(),
    })
}

fn cookie_of(req: &HttpRequest) -> Option<String> {
    req.cookie(SESSION_COOKIE).map(|c| c.value().to_owned())
}

/// Runs `query` as the request's visitor, with one pooled connection on the
/// blocking pool: for pages that only read.
pub async fn read<T, F>(
    state: &web::Data<AppState>,
    req: &HttpRequest,
    query: F,
) -> Result<(Visitor, T), (Visitor, ApiError)>
where
    T: Send + 'static,
    F: FnOnce(&mut DbConnection, &Viewer) -> Result<T, ApiError> + Send + 'static,
{
    let store = state.store.clone();
    let cookie = cookie_of(req);
    let answer = blocking(move || {
        let conn = &mut *store.conn()?;
        let visitor = visitor(conn, cookie)?;
        let value = query(conn, &visitor.viewer);
        Ok((visitor, value))
    })
    .await;
    match answer {
        Ok((visitor, Ok(value))) => Ok((visitor, value)),
        Ok((visitor, Err(error))) => Err((visitor, error)),
        Err(error) => Err((Visitor::default(), error)),
    }
}

/// The request's visitor, and the caller the API's operations run as (for
/// changes, through `AppState::write`).
pub async fn caller(
    state: &web::Data<AppState>,
    req: &HttpRequest,
) -> Result<(Visitor, Caller), ApiError> {
    let store = state.store.clone();
    let cookie = cookie_of(req);
    blocking(move || {
        let conn = &mut *store.conn()?;
        let visitor = visitor(conn, cookie)?;
        let caller = Caller(visitor.viewer.user.as_ref().map(|user| TokenSubject {
            user_id: user.id,
            version: user.token_version,
        }));
        Ok((visitor, caller))
    })
    .await
}

/// The request's visitor, for pages that read nothing else (a failed store
/// read makes them nobody).
pub async fn visitor_of(state: &web::Data<AppState>, req: &HttpRequest) -> Visitor {
    match read(state, req, |_, _| Ok(())).await {
        Ok((visitor, ())) | Err((visitor, _)) => visitor,
    }
}

/// Opens a session for `user` (of token version `version`): the cookie to set.
pub async fn open(
    state: &web::Data<AppState>,
    user_id: uuid::Uuid,
    version: i32,
) -> Result<Cookie<'static>, ApiError> {
    let store = state.store.clone();
    let secret = new_secret();
    let hash = secret_hash(&secret);
    let now = Utc::now();
    let session = WebSession {
        user_id,
        token_version: version,
        csrf_token: new_secret(),
    };
    blocking(move || {
        let expires = now + chrono::Duration::days(SESSION_DAYS);
        Ok(web_sessions::open(
            &mut *store.conn()?,
            &hash,
            &session,
            now,
            expires,
        )?)
    })
    .await?;
    Ok(cookie(state, SESSION_COOKIE, secret))
}

/// Ends the request's session, if any: the cookie that clears it.
pub async fn close(
    state: &web::Data<AppState>,
    req: &HttpRequest,
) -> Result<Cookie<'static>, ApiError> {
    if let Some(secret) = cookie_of(req) {
        let store = state.store.clone();
        blocking(move || {
            Ok(web_sessions::close(
                &mut *store.conn()?,
                &secret_hash(&secret),
                Utc::now(),
            )?)
        })
        .await?;
    }
    let mut gone = cookie(state, SESSION_COOKIE, String::new());
    gone.make_removal();
    Ok(gone)
}

/// A cookie of the pages: HttpOnly, SameSite=Lax, for the whole site, and
/// Secure when the hub's public address is https.
pub fn cookie(state: &web::Data<AppState>, name: &'static str, value: String) -> Cookie<'static> {
    Cookie::build(name, value)
        .path("/")
        .http_only(true)
        .same_site(SameSite::Lax)
        .secure(state.public_url.starts_with("https://"))
        .finish()
}

/// The CSRF token of the forms of a page shown before signing in: the
/// request's own, or a new one (and the cookie to set for it).
pub fn form_token(
    state: &web::Data<AppState>,
    req: &HttpRequest,
) -> (String, Option<Cookie<'static>>) {
    match req.cookie(FORM_COOKIE) {
        Some(existing) if !existing.value().is_empty() => (existing.value().to_owned(), None),
        _ => {
            let token = new_secret();
            (token.clone(), Some(cookie(state, FORM_COOKIE, token)))
        }
    }
}

/// Whether `sent` (a form's `csrf` field) is the token the request may use:
/// its session's when signed in, else its form cookie's.
pub fn csrf_holds(req: &HttpRequest, visitor: &Visitor, sent: &str) -> bool {
    let expected = match &visitor.csrf {
        Some(token) => Some(token.clone()),
        None => req.cookie(FORM_COOKIE).map(|c| c.value().to_owned()),
    };
    expected.is_some_and(|token| {
        !token.is_empty() && constant_time_eq(token.as_bytes(), sent.as_bytes())
    })
}

fn constant_time_eq(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |diff, (x, y)| diff | (x ^ y)) == 0
}
