//! The last line of defence for the error format: whatever goes wrong inside
//! (a handler panics, a middleware fails, the HTTP layer refuses a request),
//! the client gets a problem document, and the server keeps running. Web
//! pages that answer an error as HTML keep it.
//!
//! The request must not be cloned before routing (actix needs it unshared),
//! so failures leave here as errors that render as problems, not as responses.

use std::panic::AssertUnwindSafe;

use actix_web::body::{BoxBody, MessageBody};
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::http::header::{self, HeaderMap};
use actix_web::middleware::Next;
use actix_web::{Error, ResponseError};
use futures_util::FutureExt;

use crate::problem::{ApiError, PROBLEM_JSON};

/// The problem-document middleware (see the module documentation).
pub async fn problems(
    req: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
) -> Result<ServiceResponse<BoxBody>, Error> {
    match AssertUnwindSafe(next.call(req)).catch_unwind().await {
        Ok(Ok(res)) => Ok(into_problem(res.map_into_boxed_body())),
        Ok(Err(error)) => Err(problem_error(error)),
        Err(panic) => {
            let message = panic
                .downcast_ref::<&str>()
                .map(|s| (*s).to_owned())
                .or_else(|| panic.downcast_ref::<String>().cloned())
                .unwrap_or_default();
            Err(ApiError::Internal(format!("handler panicked: {message}")).into())
        }
    }
}

fn is_problem(headers: &HeaderMap) -> bool {
    headers
        .get(header::CONTENT_TYPE)
        .is_some_and(|v| v.as_bytes().starts_with(PROBLEM_JSON.as_bytes()))
}

/// A web page (the pages render their own errors for people, not clients).
fn is_page(headers: &HeaderMap) -> bool {
    headers
        .get(header::CONTENT_TYPE)
        .is_some_and(|v| v.as_bytes().starts_with(b"text/html"))
}

/// The problem for a bare status, with the error's text for client errors only.
fn problem_for(status: actix_web::http::StatusCode, error: Option<&Error>) -> ApiError {
    let reason = || status.canonical_reason().unwrap_or("error").to_lowercase();
    let detail = match error {
        Some(error) if status.is_client_error() => error.to_string(),
        Some(error) => {
            tracing::error!(%error, "unhandled error");
            reason()
        }
        None => reason(),
    };
    ApiError::Http { status, detail }
}

/// An error from inside, made to render as a problem document.
fn problem_error(error: Error) -> Error {
    if error.as_error::<ApiError>().is_some() {
        return error;
    }
    let status = error.as_response_error().status_code();
    problem_for(status, Some(&error)).into()
}

/// Re-renders an error response that is not a problem document yet, keeping
/// its status and headers (e.g. `Allow`, CORS).
fn into_problem(res: ServiceResponse<BoxBody>) -> ServiceResponse<BoxBody> {
    let status = res.status();
    if !(status.is_client_error() || status.is_server_error())
        || is_problem(res.headers())
        || is_page(res.headers())
    {
        return res;
    }
    let problem = problem_for(status, res.response().error());
    let (request, original) = res.into_parts();
    let mut response = problem.error_response();
    for (name, value) in original.headers() {
        if name != header::CONTENT_TYPE && name != header::CONTENT_LENGTH {
            response.headers_mut().append(name.clone(), value.clone());
        }
    }
    ServiceResponse::new(request, response)
}

#[cfg(test)]
mod tests {
    use actix_web::middleware::from_fn;
    use actix_web::{App, HttpResponse, test, web};

    use super::*;

    async fn panics() -> HttpResponse {
        panic!("boom")
    }

    #[actix_web::test]
    async fn a_panicking_handler_answers_500_problem_and_the_app_keeps_serving() {
        let app = test::init_service(
            App::new()
                .wrap(from_fn(problems))
                .route("/panic", web::get().to(panics))
                .route("/ok", web::get().to(HttpResponse::Ok)),
        )
        .await;
        let error =
            test::try_call_service(&app, test::TestRequest::get().uri("/panic").to_request())
                .await
                .map(|_| ())
                .expect_err("a panic becomes an error");
        let res = error.error_response();
        assert_eq!(res.status(), 500);
        assert!(is_problem(res.headers()));
        let body = actix_web::body::to_bytes(res.into_body()).await.unwrap();
        let body: serde_json::Value = serde_json::from_slice(&body).unwrap();
        assert_eq!(body["code"], "internal_error");
        assert!(
            !body["detail"].as_str().unwrap().contains("boom"),
            "the panic message leaked"
        );

        let res = test::call_service(&app, test::TestRequest::get().uri("/ok").to_request()).await;
        assert_eq!(res.status(), 200);
    }

    #[actix_web::test]
    async fn bare_error_responses_become_problems_with_their_headers() {
        let app = test::init_service(App::new().wrap(from_fn(problems)).route(
            "/teapot",
            web::get().to(|| async {
                HttpResponse::Forbidden()
                    .insert_header(("X-Extra", "kept"))
                    .body("no")
            }),
        ))
        .await;
        let res =
            test::call_service(&app, test::TestRequest::get().uri("/teapot").to_request()).await;
        assert_eq!(res.status(), 403);
        assert!(is_problem(res.headers()));
        assert_eq!(res.headers().get("x-extra").unwrap(), "kept");
        let body: serde_json::Value = test::read_body_json(res).await;
        assert_eq!(body["code"], "forbidden");
        assert_eq!(body["status"], 403);
    }
}
